package dev.steward.ledger.jdbc;

import dev.steward.ledger.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

class PostgresLedgerIntegrationTest extends JdbcLedgerBehaviour {

    private String database;

    @Override
    protected DataSource newDataSource() throws Exception {
        database = TestDatabases.createPostgres();
        DataSource ds = TestDatabases.postgres(database);
        JdbcLogStorage.createTables(ds);
        return ds;
    }

    @AfterEach
    void dropDatabase() throws Exception {
        ledger.close();
        ((com.zaxxer.hikari.HikariDataSource) dataSource).close();
        TestDatabases.dropPostgres(database);
    }
}
