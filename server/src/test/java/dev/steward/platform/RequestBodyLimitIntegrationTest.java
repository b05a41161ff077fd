package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.ApiClient;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/** A JSON body over steward.limits.request-body (2 MB) is a 413 problem and changes nothing (SEC-10). */
class RequestBodyLimitIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        static final int LIMIT = 2 * 1024 * 1024;

        @Autowired
        JdbcClient jdbc;

        /** A body {"name": "aaa…"} of exactly {@code size} bytes. */
        static String body(int size) {
            String head = "{\"name\":\"";
            return head + "a".repeat(size - head.length() - 2) + "\"}";
        }

        long tokens(Tenant tenant) {
            return TenantScope.call(DataScope.tenant(tenant.id()), () -> jdbc
                    .sql("SELECT COUNT(*) FROM api_tokens WHERE tenant_id = ?").param(tenant.id()).query(Long.class).single());
        }

        Response chunked(String token, String path, String body, Map<String, String> headers) throws Exception {
            HttpClient http = HttpClient.newBuilder().sslContext(ApiClient.trustAll()).build();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        }

        @Test
        void aJsonBodyOverTheLimitIsA413ProblemAndChangesNothing() throws Exception {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            long before = tokens(tenant);

            Response declared = api.sendRaw(admin, "POST", "/api/v1/tokens", body(LIMIT + 1), "application/json", Map.of());
            assertThat(declared.status()).isEqualTo(413);
            assertThat(declared.json().get("type").asString()).isEqualTo("urn:steward:problem:payload-too-large");
            assertThat(declared.json().get("detail").asString()).contains("body: must be at most " + LIMIT);

            Response streamed = chunked(admin, "/api/v1/tokens", body(LIMIT + 1), Map.of());
            assertThat(streamed.status()).isEqualTo(413);
            assertThat(streamed.json().get("type").asString()).isEqualTo("urn:steward:problem:payload-too-large");

            Response keyed = chunked(admin, "/api/v1/tokens", body(LIMIT + 1),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(keyed.status()).isEqualTo(413);
            assertThat(keyed.json().get("errors").get(0).get("field").asString()).isEqualTo("body");

            Response document = chunked(admin, "/api/v1/subjects/" + Fixtures.unique("big") + "/records",
                    "{\"category\":\"contact\",\"purpose\":\"contract\",\"document\":" + body(LIMIT) + "}", Map.of());
            assertThat(document.status()).isEqualTo(413);
            assertThat(tokens(tenant)).isEqualTo(before);

            // positive control: a body just under the limit is read whole (and refused for its content, not its size)
            Response under = chunked(admin, "/api/v1/tokens", body(LIMIT), Map.of());
            assertThat(under.status()).isNotEqualTo(413);
        }
    }
}
