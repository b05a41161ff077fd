package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.SignIn;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.support.TestDatabases;

/**
 * Liveness and readiness for anyone, saying only UP or DOWN; Prometheus metrics, including refused
 * sign-ins, only for the holder of the scrape token (SEC-7).
 */
class ObservabilityIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        SignIn signIn;

        @Test
        void healthProbesAnswerUpToAnyoneAndSayNothingElse() {
            assertThat(api.get(null, "/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
            var readiness = api.get(null, "/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
            for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                List<String> fields = new ArrayList<>(api.get(null, path).json().propertyNames());
                assertThat(fields).as(path).isSubsetOf("status", "groups");
            }
        }

        @Test
        void refusedSignInsAreCountedForTheHolderOfTheScrapeTokenOnly() {
            signIn.password("no-such-organisation", "mallory", "guess-guess-guess", "198.51.100.7");

            String metrics = api.get(TestDatabases.SCRAPE_TOKEN, "/actuator/prometheus").body();
            assertThat(metrics).contains("steward_signin_refused_total{reason=\"BAD_CREDENTIALS\"}");
            assertThat(metrics).contains("hikaricp_connections_active").contains("http_server_requests");

            String sameLength = "x".repeat(TestDatabases.SCRAPE_TOKEN.length());
            String apiToken = fixtures.operatorToken();
            for (String credential : new String[] { null, sameLength, TestDatabases.SCRAPE_TOKEN + "x", apiToken }) {
                for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator")) {
                    Response refused = api.get(credential, path);
                    assertThat(refused.status()).as(path + " with " + credential).isEqualTo(401);
                    assertThat(refused.body()).doesNotContain("steward_signin_refused");
                    assertThat(refused.json().get("type").asString()).isEqualTo("urn:steward:problem:unauthenticated");
                }
            }
        }
    }
}
