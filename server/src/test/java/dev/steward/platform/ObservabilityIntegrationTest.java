package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.SignIn;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;

/** Liveness, readiness with the database, and Prometheus metrics including refused sign-ins. */
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
        void healthProbesAnswerUp() {
            assertThat(api.get(null, "/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
            var readiness = api.get(null, "/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        }

        @Test
        void refusedSignInsAreCountedForSecurityMonitoring() {
            signIn.password("no-such-organisation", "mallory", "guess-guess-guess", "198.51.100.7");
            String metrics = api.get(null, "/actuator/prometheus").body();
            assertThat(metrics).contains("steward_signin_refused_total{reason=\"BAD_CREDENTIALS\"}");
            assertThat(metrics).contains("hikaricp_connections_active").contains("http_server_requests");
        }
    }
}
