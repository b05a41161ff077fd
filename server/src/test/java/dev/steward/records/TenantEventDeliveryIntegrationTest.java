package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.DataScope;
import dev.steward.platform.EventPublications;
import dev.steward.platform.TenantScope;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Tenant events reach records through the JDBC event publication registry: stored with the tenant
 * change, completed when the listener ran, and retried when it failed, visibly in the meantime.
 */
class TenantEventDeliveryIntegrationTest {

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
        JdbcClient jdbc;
        @Autowired
        FailingOnceListener flaky;
        @Autowired
        EventPublications publications;
        @Autowired
        MeterRegistry meters;

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        long publications(UUID tenant, String listener, boolean complete) {
            return count("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE ? AND serialized_event LIKE ?"
                    + " AND completion_date IS " + (complete ? "NOT NULL" : "NULL"), "%" + listener + "%",
                    "%" + tenant + "%");
        }

        @Test
        void aDeactivationIsLoggedByRecordsAfterTheCommitAndItsPublicationCompleted() {
            Tenant tenant = fixtures.tenant();
            UUID t = tenant.id();
            assertThat(api.patch(fixtures.operatorToken(), "/api/v1/tenants/" + t, Map.of("state", "TERMINATING"))
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ?"
                        + " AND action = 'records.processing-stopped'", t)).isEqualTo(1);
                assertThat(publications(t, "TenantEndListener", true)).isEqualTo(1);
            });
        }

        @Test
        void aListenerThatFailsOnceIsRetriedAndCompletesAndIsVisibleMeanwhile() {
            Tenant tenant = fixtures.tenant();
            UUID t = tenant.id();
            flaky.failOnceFor(t);
            assertThat(api.patch(fixtures.operatorToken(), "/api/v1/tenants/" + t, Map.of("state", "TERMINATED"))
                    .status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                assertThat(flaky.failures(t)).isEqualTo(1);
                assertThat(publications(t, "FailingOnceListener", false)).isEqualTo(1);
            });
            assertThat(flaky.handled(t)).isZero();
            assertThat(meters.get("steward.events.incomplete").gauge().value())
                    .as("incomplete publications are visible to operators").isGreaterThanOrEqualTo(1);
            assertThat(publications.incomplete(1000)).as("listed for the console")
                    .anyMatch(p -> p.listener().contains("FailingOnceListener") && p.eventName().equals("TenantDeactivated"));

            // The retry takes publications incomplete for longer than steward.events.retry-after.
            clock.advance(Duration.ofMinutes(5));
            publications.resubmitIncomplete();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                assertThat(flaky.handled(t)).isEqualTo(1);
                assertThat(publications(t, "FailingOnceListener", true)).isEqualTo(1);
            });
            assertThat(flaky.failures(t)).isEqualTo(1);
            assertThat(publications(t, "FailingOnceListener", false)).isZero();
        }
    }
}
