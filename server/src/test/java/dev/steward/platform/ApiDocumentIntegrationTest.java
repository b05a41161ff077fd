package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is a contract a client can be generated from: every operation says what
 * it takes and what it answers, errors included. The document is built from the controllers, not
 * from storage, so it runs on H2 only.
 */
class ApiDocumentIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        /** Writes that act on the resource named by the path alone, and so take no body. */
        static final Set<String> BODILESS_WRITES = Set.of("POST /api/v1/evidence/bundles/{bundleId}/approve",
                "POST /api/v1/inbox/{noticeId}/read", "POST /api/v1/notices/webhooks/{endpointId}/verify",
                "POST /api/v1/notices/webhooks/{endpointId}/rotate-secret",
                "POST /api/v1/notice-deliveries/{tenantId}/{deliveryId}/replay",
                "POST /api/v1/rights/requests/{requestId}/closure");

        static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

        @Test
        void everyOperationTypesItsBodiesAndItsProblems() {
            JsonNode document = api.get(null, "/v3/api-docs").json();
            JsonNode schemas = document.path("components").path("schemas");
            List<String> failures = new ArrayList<>();
            int operations = 0;
            for (var path : document.get("paths").properties()) {
                for (var entry : path.getValue().properties()) {
                    if (!METHODS.contains(entry.getKey())) {
                        continue;
                    }
                    operations++;
                    String name = entry.getKey().toUpperCase() + " " + path.getKey();
                    failures.addAll(problemsOf(name, entry.getKey(), entry.getValue(), schemas));
                }
            }
            assertThat(operations).as("operations in the document").isGreaterThanOrEqualTo(30);
            assertThat(failures).isEmpty();
        }

        @Test
        void problemSchemaIsRfc9457() {
            JsonNode problem = api.get(null, "/v3/api-docs").json().path("components").path("schemas").path("Problem");
            assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail",
                    "instance", "errors");
            assertThat(problem.path("properties").path("status").path("type").asString()).isEqualTo("integer");
        }

        static List<String> problemsOf(String name, String method, JsonNode op, JsonNode schemas) {
            List<String> failures = new ArrayList<>();
            JsonNode body = op.get("requestBody");
            boolean takesBody = Set.of("post", "put", "patch").contains(method) && !BODILESS_WRITES.contains(name);
            if (takesBody && body == null) {
                failures.add(name + ": no request body in the document");
            }
            if (body != null) {
                failures.addAll(contentProblems(name + " request body", body.get("content"), schemas));
            }
            JsonNode responses = op.path("responses");
            boolean success = false;
            boolean problem = false;
            for (var r : responses.properties()) {
                String status = r.getKey();
                JsonNode content = r.getValue().get("content");
                if (status.startsWith("2")) {
                    success = true;
                    if (!status.equals("204")) {
                        failures.addAll(contentProblems(name + " " + status + " response", content, schemas));
                    }
                } else if (status.startsWith("4") || status.startsWith("5")) {
                    problem = true;
                    JsonNode media = content == null ? null : content.get("application/problem+json");
                    if (media == null || !"#/components/schemas/Problem".equals(media.path("schema").path("$ref").asString(""))) {
                        failures.add(name + " " + status + " response: not an application/problem+json Problem");
                    }
                }
            }
            if (!success) {
                failures.add(name + ": no 2xx response");
            }
            if (!problem) {
                failures.add(name + ": no problem responses");
            }
            boolean open = op.has("security") && op.get("security").isEmpty();
            for (String expected : open ? List.of("400", "404") : List.of("400", "401", "403", "404")) {
                if (!responses.has(expected)) {
                    failures.add(name + ": no " + expected + " problem response");
                }
            }
            return failures;
        }

        static List<String> contentProblems(String what, JsonNode content, JsonNode schemas) {
            if (content == null || content.isEmpty()) {
                return List.of(what + ": no content");
            }
            List<String> failures = new ArrayList<>();
            for (var media : content.properties()) {
                if (media.getKey().equals("*/*")) {
                    failures.add(what + ": media type */* instead of a real one");
                }
                String untyped = untyped(media.getValue().get("schema"), schemas, 0);
                if (untyped != null) {
                    failures.add(what + " (" + media.getKey() + "): " + untyped);
                }
            }
            return failures;
        }

        /** Why a schema tells a client nothing about the shape, or null when it does. */
        static String untyped(JsonNode schema, JsonNode schemas, int depth) {
            if (schema == null || schema.isEmpty()) {
                return "no schema";
            }
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asString();
                String component = ref.substring(ref.lastIndexOf('/') + 1);
                if (!schemas.has(component)) {
                    return "refers to a missing schema " + ref;
                }
                return depth > 0 ? null : untyped(schemas.get(component), schemas, depth + 1);
            }
            String type = typeOf(schema);
            return switch (type) {
            case "string", "integer", "number", "boolean" -> null;
            case "array" -> untyped(schema.get("items"), schemas, depth + 1) == null ? null : "an array of untyped items";
            case "object" -> schema.has("properties") && !schema.get("properties").isEmpty()
                    || schema.path("additionalProperties").isObject() && untyped(schema.get("additionalProperties"), schemas,
                            depth + 1) == null ? null : "an object without named or typed properties";
            default -> "no type";
            };
        }

        private static String typeOf(JsonNode schema) {
            JsonNode type = schema.get("type");
            if (type == null) {
                JsonNode types = schema.get("types");
                return types != null && types.isArray() && !types.isEmpty() ? types.get(0).asString() : "";
            }
            return type.isArray() ? (type.isEmpty() ? "" : type.get(0).asString()) : type.asString();
        }
    }
}
