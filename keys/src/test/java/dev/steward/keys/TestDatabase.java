package dev.steward.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the test's own, on H2 (file mode) or the local PostgreSQL, with the module's
 * Flyway migration applied; dropped on close. Backup and restore copy the whole database.
 */
final class TestDatabase implements AutoCloseable {

    enum Kind { H2, POSTGRES }

    /**
     * The administrative database on the test PostgreSQL: the system property {@code keys.test.pg}, else
     * the environment variable {@code STEWARD_TEST_PG_URL} (as for the server's tests), else the local
     * server; as {@code postgres} unless the URL names a user.
     */
    static final String PG_ADMIN = adminUrl();

    private final Kind kind;
    private final Path dir;
    private final String name;
    private final DataSource dataSource;
    /** Keeps an H2 file database open between connections; closed for backup and restore. */
    private Connection keeper;

    private TestDatabase(Kind kind, Path dir, String name) {
        this.kind = kind;
        this.dir = dir;
        this.name = name;
        if (kind == Kind.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath());
            h2.setUser("sa");
            this.dataSource = h2;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(PG_ADMIN.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + name));
            this.dataSource = pg;
        }
    }

    static TestDatabase create(Kind kind, Path dir) {
        String name = "keys_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.POSTGRES) {
            admin("CREATE DATABASE " + name);
        }
        TestDatabase db = new TestDatabase(kind, dir, name);
        db.keepOpen();
        db.migrate();
        return db;
    }

    Kind kind() {
        return kind;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** Copies the whole database aside, as a backup would. Every connection must be closed. */
    void backup() throws IOException {
        if (kind == Kind.H2) {
            closeKeeper();
            Files.copy(file(name), file(name + "_backup"), StandardCopyOption.REPLACE_EXISTING);
            keepOpen();
        } else {
            admin("CREATE DATABASE " + name + "_backup TEMPLATE " + name);
        }
    }

    /** Puts the backup back in place of the database. Every connection must be closed. */
    void restore() throws IOException {
        if (kind == Kind.H2) {
            closeKeeper();
            Files.copy(file(name + "_backup"), file(name), StandardCopyOption.REPLACE_EXISTING);
            keepOpen();
        } else {
            admin("DROP DATABASE " + name + " WITH (FORCE)");
            admin("CREATE DATABASE " + name + " TEMPLATE " + name + "_backup");
        }
    }

    long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        closeKeeper();
        if (kind == Kind.POSTGRES) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            admin("DROP DATABASE IF EXISTS " + name + "_backup WITH (FORCE)");
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private void keepOpen() {
        if (kind == Kind.H2) {
            try {
                keeper = dataSource.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void closeKeeper() {
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            keeper = null;
        }
    }

    private Path file(String base) {
        return dir.resolve(base + ".mv.db");
    }

    private void migrate() {
        try (InputStream in = KeyHierarchy.class.getResourceAsStream("/db/keys/V200__keys.sql");
                Connection c = connect(); Statement s = c.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.trim().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot apply V200__keys.sql on " + kind, e);
        }
    }

    private static String adminUrl() {
        String url = System.getProperty("keys.test.pg", System.getenv("STEWARD_TEST_PG_URL"));
        if (url == null || url.isBlank()) {
            url = "jdbc:postgresql://127.0.0.1:5432/test";
        }
        return url.matches(".*[?&]user=.*") ? url : url + (url.contains("?") ? "&" : "?") + "user=postgres";
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_ADMIN); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
