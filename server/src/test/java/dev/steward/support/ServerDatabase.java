package dev.steward.support;

import java.util.List;
import java.util.UUID;

/**
 * The database of a server a test runs in a JVM of its own: the embedded H2 default (no
 * arguments), or a PostgreSQL database of its own, created here and dropped on close.
 *
 * @param postgresName the PostgreSQL database's name, or null on H2
 */
public record ServerDatabase(String postgresName) implements AutoCloseable {

    /** {@code kind} is "h2" or "postgres"; a PostgreSQL database is named {@code prefix} and a random suffix. */
    public static ServerDatabase create(String kind, String prefix) {
        if (!kind.equals("postgres")) {
            return new ServerDatabase(null);
        }
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        TestDatabases.createDatabase(name);
        return new ServerDatabase(name);
    }

    public boolean isPostgres() {
        return postgresName != null;
    }

    /** The server's command-line arguments for this database. */
    public List<String> args() {
        return isPostgres() ? ServerProcesses.postgresArgs(postgresName) : List.of();
    }

    @Override
    public void close() {
        if (isPostgres()) {
            TestDatabases.dropDatabase(postgresName);
        }
    }
}
