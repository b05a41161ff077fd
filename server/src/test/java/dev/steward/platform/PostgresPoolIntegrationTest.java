package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.IntegrationTestBase;
import dev.steward.support.Db;

/** The PostgreSQL pool as the application gets it: scoped for row-level security, batches sent as multi-row statements. */
@ActiveProfiles(Db.POSTGRES)
class PostgresPoolIntegrationTest extends IntegrationTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void batchesGoToPostgresqlAsMultiRowInserts() throws Exception {
        assertThat(dataSource).isInstanceOf(ScopedDataSource.class);
        try (Connection c = TenantScope.call(DataScope.wholeProvider(), () -> {
            try {
                return dataSource.getConnection();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        })) {
            assertThat(c.unwrap(PgConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
        }
    }
}
