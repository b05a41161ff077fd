package dev.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.platform.DataScope;
import dev.steward.platform.ScopeChangedInTransaction;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Defence in depth on PostgreSQL: even SQL that forgets its tenant condition sees and writes only
 * the rows of the scope's tenant, because the application's role owns no table and every tenant
 * table forces row-level security.
 */
class RowLevelSecurityIntegrationTest {

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
        DataSource dataSource;

        @Autowired
        PlatformTransactionManager transactions;

        @Test
        void theApplicationRoleIsNeitherOwnerNorSuperuserNorExempt() {
            var role = jdbc.sql("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                    .query((rs, n) -> new Object[] { rs.getString(1), rs.getBoolean(2), rs.getBoolean(3) }).single();
            assertThat(role[0]).isEqualTo("steward_app");
            assertThat(role[1]).isEqualTo(false);
            assertThat(role[2]).isEqualTo(false);
            long owned = jdbc.sql("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")
                    .query(Long.class).single();
            assertThat(owned).isZero();
            long unprotected = jdbc.sql("""
                    SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN information_schema.columns col ON col.table_name = c.relname AND col.column_name = 'tenant_id'
                    WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                    AND c.relname NOT IN ('ledger_entry')
                    """).query(Long.class).single();
            // ledger_entry: PostgreSQL refuses COPY into a table with row-level security, and the ledger's
            // integrator (provider-wide, the only writer) copies entries in; see V282__ledger_row_level_security.sql
            assertThat(unprotected).as("tenant tables without forced row-level security").isZero();
        }

        @Test
        void queryWithoutTenantConditionSeesOnlyItsScope() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            fixtures.account(a, Role.CUSTOMER_USER);
            fixtures.account(b, Role.CUSTOMER_USER);
            long seenFromA = TenantScope.call(DataScope.tenant(a.id()),
                    () -> jdbc.sql("SELECT COUNT(*) FROM accounts WHERE tenant_id <> ?").param(a.id()).query(Long.class).single());
            assertThat(seenFromA).as("rows of other tenants visible in A's scope").isZero();
            long ownInA = TenantScope.call(DataScope.tenant(a.id()),
                    () -> jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single());
            assertThat(ownInA).as("A's own account, the scope having reached the node holding it").isOne();
            long seenUnscoped = jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
            assertThat(seenUnscoped).as("rows visible without any scope").isZero();
        }

        @Test
        void writingAnotherTenantsRowIsRejectedByTheDatabase() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            var now = OffsetDateTime.now();
            assertThatThrownBy(() -> TenantScope.run(DataScope.tenant(a.id()), () -> jdbc.sql("""
                    INSERT INTO accounts (tenant_id, account_id, username, display_name, role, password_hash, totp_enabled,
                        last_totp_step, failed_logins, disabled, created_at, updated_at)
                    VALUES (?, ?, 'planted', 'x', 'CUSTOMER_ADMIN', 'x', false, 0, 0, false, ?, ?)""")
                    .params(b.id(), UUID.randomUUID(), now, now).update()))
                    .rootCause().hasMessageContaining("row-level security");
            int changed = TenantScope.call(DataScope.tenant(a.id()),
                    () -> jdbc.sql("UPDATE tenants SET name = 'hijacked' WHERE tenant_id = ?").param(b.id()).update());
            assertThat(changed).isZero();
        }

        @Test
        void theScopeIsSetForOneTransactionAndEndsWithIt() throws SQLException {
            Tenant a = fixtures.tenant();
            fixtures.account(a, Role.CUSTOMER_USER);
            try (Connection c = dataSource.getConnection()) {
                TenantScope.run(DataScope.tenant(a.id()), () -> {
                    try {
                        c.setAutoCommit(false);
                        assertThat(count(c, "SELECT COUNT(*) FROM accounts")).as("A's accounts in A's transaction").isOne();
                        c.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // The same connection, its next transaction begun without a scope: nothing of A is left on it.
                assertThat(setting(c)).as("steward.tenant_id after A's transaction").isEmpty();
                assertThat(count(c, "SELECT COUNT(*) FROM accounts")).as("accounts seen with no scope").isZero();
                c.rollback();
                c.setAutoCommit(true);
                assertThat(setting(c)).as("steward.tenant_id outside any transaction").isEmpty();
                assertThat(count(c, "SELECT COUNT(*) FROM accounts")).as("accounts seen outside a transaction").isZero();
            }
        }

        @Test
        void theScopeNeverChangesInsideATransaction() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            fixtures.account(b, Role.CUSTOMER_USER);
            var tx = new TransactionTemplate(transactions);
            assertThatThrownBy(() -> TenantScope.run(DataScope.tenant(a.id()), () -> tx.executeWithoutResult(s -> {
                jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
                TenantScope.call(DataScope.tenant(b.id()),
                        () -> jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single());
            }))).hasRootCauseInstanceOf(ScopeChangedInTransaction.class);
        }

        @Test
        void theScopeNeverChangesInsideASavepoint() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            fixtures.account(b, Role.CUSTOMER_USER);
            var tx = new TransactionTemplate(transactions);
            var nested = new TransactionTemplate(transactions);
            nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
            long[] seenInSavepoint = {-1};
            assertThatThrownBy(() -> TenantScope.run(DataScope.tenant(a.id()), () -> tx.executeWithoutResult(s -> {
                jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
                nested.executeWithoutResult(savepoint -> seenInSavepoint[0] = TenantScope.call(DataScope.tenant(b.id()),
                        () -> jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()));
            }))).hasRootCauseInstanceOf(ScopeChangedInTransaction.class);
            assertThat(seenInSavepoint[0]).as("B's accounts read inside A's savepoint").isEqualTo(-1);
        }

        @Test
        void aTransactionBegunWithoutScopeCannotTakeOneLater() {
            Tenant a = fixtures.tenant();
            var tx = new TransactionTemplate(transactions);
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
                TenantScope.call(DataScope.tenant(a.id()),
                        () -> jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single());
            })).hasRootCauseInstanceOf(ScopeChangedInTransaction.class);
        }

        private static long count(Connection c, String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static String setting(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COALESCE(current_setting('steward.tenant_id', true), '')")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
