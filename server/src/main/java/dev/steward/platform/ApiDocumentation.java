package dev.steward.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document as clients meet it: bearer API tokens, and on every operation the RFC 9457
 * problem responses that {@link ProblemResponses} and the security filters can give, all of one
 * {@code Problem} schema under {@code application/problem+json}. Controllers declare their bodies
 * and any problem particular to them; what every operation shares is added here, so a new
 * controller cannot forget it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BEARER = "bearer";

    @Bean
    OpenAPI stewardApi() {
        // Each enum (Role, Permission, ...) becomes one named schema that clients generate once; inline
        // enums become one type per field, and generators mishandle inline enums inside arrays.
        io.swagger.v3.core.jackson.ModelResolver.enumsAsRef = true;
        return new OpenAPI()
                .info(new Info().title("Steward API").version("v1")
                        .description("Personal data processed as the provider's cloud security policy promises. "
                                + "Every error is an RFC 9457 problem with a stable type."))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("an API token of the caller's tenant")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Names operations after their controller, {@code RecordApi.create} becoming tag {@code Record}
     * and id {@code recordCreate}: unique and stable, where springdoc's own names are numbered
     * by discovery order ({@code create_1}), so a generated client would change with every new controller.
     */
    @Bean
    OperationCustomizer controllerNames() {
        return (op, handler) -> {
            String controller = org.springframework.util.ClassUtils.getUserClass(handler.getBeanType()).getSimpleName()
                    .replaceFirst("Api$", "");
            String method = handler.getMethod().getName();
            op.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
                    + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            op.setTags(List.of(controller));
            return op;
        };
    }

    @Bean
    OpenApiCustomizer documentedProblems() {
        // springdoc rebuilds the schemas from the controllers, so the problem schemas join them here
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema())
                    .addSchemas("ProblemFieldError", fieldErrorSchema());
            api.getPaths().values().forEach(path -> path.readOperationsMap()
                    .forEach((method, op) -> addProblems(api, method, op)));
        };
    }

    private static void addProblems(OpenAPI api, PathItem.HttpMethod method, Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        boolean secured = op.getSecurity() == null ? api.getSecurity() != null && !api.getSecurity().isEmpty()
                : !op.getSecurity().isEmpty();
        Map<String, String> common = new LinkedHashMap<>();
        common.put("400", "A parameter or field is invalid; the problem names it in detail and errors[]");
        if (secured) {
            common.put("401", "No valid API token");
            common.put("403", "The token's role does not allow this");
        }
        common.put("404", "No such object in the caller's tenant (another tenant's objects are not found either)");
        if (method != PathItem.HttpMethod.GET) {
            common.put("409", "The object changed meanwhile, or the Idempotency-Key was used for another request");
        }
        if (op.getRequestBody() != null) {
            common.put("413", "The request body is too large");
            common.put("415", "The request body has an unsupported media type");
        }
        common.put("503", "The database is unavailable; retry after Retry-After seconds");
        common.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description));
            }
        });
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        op.setResponses(responses);
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("An RFC 9457 problem: type is stable per error, detail names the field")
                .addProperty("type", new StringSchema().format("uri").example("urn:steward:problem:invalid-field"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema().format("int32"))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors",
                        new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemFieldError")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
    }
}
