package dev.steward.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** For tests that run the server in a JVM of its own: a port, the PostgreSQL arguments, waiting for readiness. */
public final class ServerProcesses {

    private ServerProcesses() {
    }

    /** The java launcher of the JVM running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The server on database {@code name} of the local PostgreSQL, as its unprivileged role. */
    public static List<String> postgresArgs(String name) {
        TestPostgres pg = TestPostgres.configured();
        return List.of("--spring.datasource.url=" + pg.url(name),
                "--spring.datasource.username=" + TestDatabases.APP_ROLE,
                "--steward.database.migration-user=" + pg.adminUser(),
                "--steward.database.migration-password=" + pg.adminPassword());
    }

    /** Waits up to two minutes for readiness; fails with the server's log if it dies or never gets ready. */
    public static void awaitReady(ApiClient api, Process process, Supplier<String> log) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (api.get(null, "/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the port opens late in start-up
            }
            process.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
        }
        throw new AssertionError("server did not become ready (alive: " + process.isAlive() + ")\n" + log.get());
    }
}
