package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/** The NDJSON import has a bound of its own (steward.limits.streamed-body), configurable, answered with a 413 problem. */
class ImportBoundIntegrationTest {

    static final int BOUND = 64 * 1024;

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    @TestPropertySource(properties = "steward.limits.streamed-body=64KB")
    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        JdbcClient jdbc;

        long records(Tenant tenant) {
            return TenantScope.call(DataScope.tenant(tenant.id()), () -> jdbc
                    .sql("SELECT COUNT(*) FROM records WHERE tenant_id = ?").param(tenant.id()).query(Long.class).single());
        }

        static String lines(String subject, int bytes) {
            StringBuilder ndjson = new StringBuilder();
            while (ndjson.length() < bytes) {
                ndjson.append("{\"subjectId\":\"").append(subject).append("\",\"category\":\"contact\",\"document\":{\"n\":")
                        .append(ndjson.length()).append("}}\n");
            }
            return ndjson.toString();
        }

        Response chunked(String token, String body) throws Exception {
            HttpClient http = HttpClient.newBuilder().sslContext(ApiClient.trustAll()).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port
                    + "/api/v1/records:import?purpose=contract")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                    .build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        }

        @Test
        void anImportOverItsBoundIsA413ProblemNamingTheSetting() throws Exception {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_USER);
            String subject = Fixtures.unique("bound");

            Response declared = api.sendRaw(token, "POST", "/api/v1/records:import?purpose=contract",
                    lines(subject, BOUND + 1), "application/x-ndjson", Map.of());
            assertThat(declared.status()).isEqualTo(413);
            assertThat(declared.json().get("type").asString()).isEqualTo("urn:steward:problem:payload-too-large");
            assertThat(declared.json().get("detail").asString()).contains("steward.limits.streamed-body");
            assertThat(records(tenant)).as("a declared length over the bound stores nothing").isZero();

            Response streamed = chunked(token, lines(subject, 3 * BOUND));
            assertThat(streamed.status()).isEqualTo(413);
            assertThat(streamed.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
            assertThat(records(tenant)).as("only lines read before the bound").isLessThan(BOUND / 60);

            // positive control: an upload under the bound is imported whole
            Response under = chunked(token, lines(Fixtures.unique("under"), BOUND - 200));
            assertThat(under.status()).isEqualTo(200);
            JsonNode report = under.json();
            assertThat(report.get("rejected").asInt()).isZero();
            assertThat(report.get("stored").asInt()).isEqualTo(report.get("lines").asInt());
        }
    }
}
