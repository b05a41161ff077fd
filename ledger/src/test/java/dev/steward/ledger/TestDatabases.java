package dev.steward.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.ledger.jdbc.JdbcLogStorage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Throwaway databases with the ledger tables: an H2 file database, or a PostgreSQL database of its own. */
public final class TestDatabases {

    /**
     * The administrative database on the test PostgreSQL: the system property {@code ledger.pg}, else the
     * environment variable {@code STEWARD_TEST_PG_URL} (as for the server's tests), else the local server;
     * as {@code postgres} unless the URL names a user.
     */
    public static final String PG_ADMIN = adminUrl();

    private TestDatabases() {
    }

    /** H2 URL making every commit reach the file before it is acknowledged. */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    public static HikariDataSource h2(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return pooled(ds);
    }

    public static HikariDataSource h2WithTables(Path dir) {
        HikariDataSource ds = h2(h2Url(dir));
        JdbcLogStorage.createTables(ds);
        return ds;
    }

    /** Creates {@code ledger_test_<random>} on the local PostgreSQL and returns its name. */
    public static String createPostgres() throws Exception {
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_ADMIN); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public static HikariDataSource postgres(String name) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgresUrl(name));
        return pooled(ds);
    }

    /**
     * The tests' connection pool: HikariCP, as in the server and the benchmarks (BenchPool), so the
     * ledger runs here on the pool it runs on there. Closing the pool closes its connections.
     */
    public static HikariDataSource pooled(DataSource target) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setPoolName("ledger-test");
        config.setMaximumPoolSize(16);
        // on demand only: a test's PostgreSQL database is dropped afterwards, and H2 files are deleted
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    public static String postgresUrl(String name) {
        return PG_ADMIN.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + name);
    }

    private static String adminUrl() {
        String url = System.getProperty("ledger.pg", System.getenv("STEWARD_TEST_PG_URL"));
        if (url == null || url.isBlank()) {
            url = "jdbc:postgresql://127.0.0.1:5432/test";
        }
        return url.matches(".*[?&]user=.*") ? url : url + (url.contains("?") ? "&" : "?") + "user=postgres";
    }

    public static void dropPostgres(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(PG_ADMIN); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
