package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.evidence.internal.LedgerHolder;
import dev.steward.platform.DataScope;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

class EvidenceAnchorIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.CITUS)
    @ExtendWith(CitusCondition.class)
    class OnCitus extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        EvidenceAnchors anchors;

        @Autowired
        EvidenceLog logs;

        @Autowired
        LedgerHolder ledger;

        @Autowired
        JdbcClient jdbc;

        private List<String> anchorsOf(Tenant t) {
            return logs.entries(DataScope.PROVIDER_TENANT, new EntryFilter(null, null, null, "evidence.anchor", null),
                    PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream().map(LogEntryView::object)
                    .filter(o -> o.startsWith("log:" + t.id() + " ")).toList();
        }

        /** Waits until every entry the tenant's log index knows of is integrated. */
        private void awaitIntegrated(Tenant t) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (logs.entries(t.id(), EntryFilter.all(), PageRequest.of(0, PageRequest.MAX_SIZE)).items().stream()
                    .anyMatch(e -> !e.integrated())) {
                assertThat(System.nanoTime()).as("entries integrated in time").isLessThan(deadline);
                ledger.nudge();
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
        }

        @Test
        void aTenantsGrownTreeIsAnchoredInTheProviderLogOnce() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.post(admin, "/api/v1/accounts", Map.of("username", Fixtures.unique("a"), "displayName", "A",
                    "role", "CUSTOMER_USER", "password", Fixtures.PASSWORD)).status()).isEqualTo(201);
            awaitIntegrated(t);
            var tree = TenantScope.call(DataScope.wholeProvider(), () -> jdbc
                    .sql("SELECT tree_size, root_hash FROM ledger_tree WHERE tenant_id = ? AND log_id = ?").params(t.id(), t.id().toString())
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBytes(2))).single());
            String expected = "log:" + t.id() + " size=" + tree.getKey() + " root="
                    + Base64.getEncoder().encodeToString(tree.getValue());

            anchors.anchor();
            assertThat(anchorsOf(t)).containsExactly(expected);

            assertThat(anchors.anchor()).extracting(EvidenceAnchors.Anchor::tenantId).doesNotContain(t.id());
            assertThat(anchorsOf(t)).containsExactly(expected);

            // a new act grows the tree: the next run anchors the new size
            assertThat(api.post(admin, "/api/v1/accounts", Map.of("username", Fixtures.unique("b"), "displayName", "B",
                    "role", "CUSTOMER_USER", "password", Fixtures.PASSWORD)).status()).isEqualTo(201);
            awaitIntegrated(t);
            anchors.anchor();
            assertThat(anchorsOf(t)).hasSize(2).allMatch(o -> o.startsWith("log:" + t.id() + " size="));
        }
    }
}
