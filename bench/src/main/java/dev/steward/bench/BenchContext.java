package dev.steward.bench;

import java.nio.file.Path;

/**
 * What a benchmark may use: the repository root (to find built jars), a scratch directory that is
 * deleted afterwards, and the JDBC URL of the local PostgreSQL server (a benchmark creates and
 * drops its own database there).
 */
public record BenchContext(Path repositoryRoot, Path workDirectory, String postgresAdminUrl) {

    /** The URL of {@code database} on the same server, with the same parameters (user, ...) as the admin URL. */
    public String postgresUrl(String database) {
        return postgresAdminUrl.replaceFirst("^(jdbc:postgresql://[^/?]+/)[^?]*", "$1" + database);
    }
}
