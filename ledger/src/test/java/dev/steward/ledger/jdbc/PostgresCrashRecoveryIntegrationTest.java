package dev.steward.ledger.jdbc;

import dev.steward.ledger.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class PostgresCrashRecoveryIntegrationTest extends CrashRecoveryBehaviour {

    private String database;

    @Override
    protected String databaseUrl() throws Exception {
        database = TestDatabases.createPostgres();
        var ds = TestDatabases.postgres(database);
        JdbcLogStorage.createTables(ds);
        ds.close();
        return TestDatabases.postgresUrl(database);
    }

    @AfterEach
    void drop() throws Exception {
        TestDatabases.dropPostgres(database);
    }
}
