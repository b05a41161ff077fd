package dev.steward.ledger.jdbc;

import dev.steward.ledger.TestDatabases;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

class H2LedgerIntegrationTest extends JdbcLedgerBehaviour {

    @TempDir
    Path dir;

    @org.junit.jupiter.api.AfterEach
    void closeConnections() {
        ledger.close();
        ((com.zaxxer.hikari.HikariDataSource) dataSource).close();
    }

    @Override
    protected DataSource newDataSource() {
        return TestDatabases.h2WithTables(dir);
    }
}
