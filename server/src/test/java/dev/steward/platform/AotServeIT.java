package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.steward.support.ApiClient;
import dev.steward.support.ServerDatabase;
import dev.steward.support.ServerProcesses;
import dev.steward.support.TestDatabases;
import dev.steward.support.TestPostgres;

/**
 * The packaged jar started as `./steward serve` starts it, with the bean definitions Spring AOT
 * generated at build time (-Dspring.aot.enabled=true): on the embedded H2 default and on
 * PostgreSQL, where the application must still connect as its unprivileged role (row-level security).
 */
class AotServeIT {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void theAotProcessedJarServesTheApiOnEitherDatabase(String database) throws Exception {
        Path jar = Path.of("target/steward-server.jar").toAbsolutePath();
        assertThat(jar).exists();
        List<String> args = new ArrayList<>(List.of("--steward.data-dir=" + dataDir,
                "--steward.bootstrap.api-token-file=" + dataDir.resolve("bootstrap.token")));
        try (ServerDatabase db = ServerDatabase.create(database, "steward_aot_")) {
            args.addAll(db.args());
            serve(database, jar, args, db);
        }
    }

    /** Starts the jar as `./steward serve` does, then checks it answers as the API should. */
    private void serve(String database, Path jar, List<String> args, ServerDatabase db) throws Exception {
        int port = ServerProcesses.freePort();
        Path log = dataDir.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(ServerProcesses.java(),
                "-Xmx256m", "-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            ApiClient api = new ApiClient("https://localhost:" + port);
            ServerProcesses.awaitReady(api, server, () -> read(log));
            assertThat(Files.readString(log)).contains("Starting AOT-processed");
            String token = Files.readString(dataDir.resolve("bootstrap.token")).strip();
            var created = api.post(token, "/api/v1/tenants", Map.of("slug", "aot-" + database, "name", "AOT check",
                    "contractStart", "2026-12-01", "incidentNoticeHours", 24, "storageCountries", List.of("SI")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(api.get(token, "/api/v1/tenants/" + id).status()).isEqualTo(200);
            assertThat(api.get(token, "/api/v1/tenants/" + UUID.randomUUID()).json().get("type").asString())
                    .isEqualTo("urn:steward:problem:not-found");
            if (db.isPostgres()) {
                assertThat(applicationRoleConnections(db.postgresName()))
                        .as("the pool connects as " + TestDatabases.APP_ROLE).isPositive();
            }
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static long applicationRoleConnections(String database) throws Exception {
        try (Connection c = TestPostgres.configured().connectAsAdmin();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ? AND usename = ?")) {
            ps.setString(1, database);
            ps.setString(2, TestDatabases.APP_ROLE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
