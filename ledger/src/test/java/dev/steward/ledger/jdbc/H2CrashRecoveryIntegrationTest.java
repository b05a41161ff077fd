package dev.steward.ledger.jdbc;

import dev.steward.ledger.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2CrashRecoveryIntegrationTest extends CrashRecoveryBehaviour {

    @TempDir
    Path dir;

    @Override
    protected String databaseUrl() {
        String url = TestDatabases.h2Url(dir);
        var ds = TestDatabases.h2(url);
        JdbcLogStorage.createTables(ds);
        ds.close();
        return url;
    }
}
