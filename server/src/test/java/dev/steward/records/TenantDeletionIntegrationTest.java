package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantErased;
import dev.steward.keys.TenantId;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * STOR-3: DELETED really destroys. The tenant's keys are destroyed through {@code keys}
 * (crypto-shredding), its rows are purged in the background, and the act is in its system log.
 */
class TenantDeletionIntegrationTest {

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
        JdbcClient jdbc;
        @Autowired
        EnvelopeEncryptor encryptor;
        @Autowired
        DataSource dataSource;
        @Autowired
        TransactionTemplate tx;

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        record Stored(UUID recordId, int version, String subjectRef, byte[] payload) {
        }

        List<Stored> ciphertexts(UUID tenant) {
            return TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql("SELECT record_id, version, subject_ref,"
                    + " payload FROM records WHERE tenant_id = ?").param(tenant)
                    .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                            rs.getBytes(4)))
                    .list());
        }

        String decrypt(UUID tenant, Stored s) {
            return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(status -> new String(
                    encryptor.decryptForPurpose(DataSourceUtils.getConnection(dataSource), new RecordBinding(
                            new TenantId(tenant), new SubjectRef(s.subjectRef()), s.recordId() + "#v" + s.version(),
                            "records.payload"), s.payload(), "contract"))));
        }

        @Test
        void deletingATenantDestroysItsKeysPurgesItsRowsAndLogsTheAct() {
            Tenant tenant = fixtures.tenant();
            UUID t = tenant.id();
            String token = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            for (int i = 0; i < 3; i++) {
                Response created = api.post(token, "/api/v1/subjects/" + Fixtures.unique("s") + "/records",
                        Map.of("category", "contact", "purpose", "contract", "document", Map.of("n", i)));
                assertThat(created.status()).isEqualTo(201);
                String id = created.json().get("id").asString();
                assertThat(api.send(token, "PUT", "/api/v1/records/" + id, Map.of("document", Map.of("n", i + 10)),
                        Map.of()).status()).isEqualTo(200);
            }
            List<Stored> stored = ciphertexts(t);
            assertThat(stored).hasSize(3);
            assertThat(decrypt(t, stored.get(0))).as("readable while the tenant exists").contains("\"n\"");

            String op = fixtures.operatorToken();
            assertThat(api.patch(op, "/api/v1/tenants/" + t, Map.of("state", "TERMINATED")).status()).isEqualTo(200);
            assertThat(api.patch(op, "/api/v1/tenants/" + t, Map.of("state", "DELETED")).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                assertThat(count("SELECT COUNT(*) FROM keys_tenant WHERE tenant_id = ?", t)).isZero();
                assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", t)).isZero();
                assertThat(count("SELECT COUNT(*) FROM record_versions WHERE tenant_id = ?", t)).isZero();
                // the purge deletes the category settings last, after the rows
                assertThat(count("SELECT COUNT(*) FROM record_categories WHERE tenant_id = ?", t)).isZero();
            });
            assertThat(count("SELECT COUNT(*) FROM keys_tenant_kek WHERE tenant_id = ?", t))
                    .as("key-encryption keys destroyed").isZero();
            assertThat(count("SELECT COUNT(*) FROM keys_erasure WHERE tenant_id = ? AND kind = 'TENANT'", t))
                    .as("the erasure is recorded").isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'tenant.keys-destroyed'"
                    + " AND outcome = 'success'", t)).as("the act is in the tenant's system log").isEqualTo(1);

            // A copy of the ciphertexts (a backup) cannot be decrypted any more: the keys are gone.
            for (Stored s : stored) {
                assertThatThrownBy(() -> decrypt(t, s)).isInstanceOf(TenantErased.class);
            }
        }
    }
}
