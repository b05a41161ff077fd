package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.steward.support.ApiClient;
import dev.steward.support.ServerDatabase;
import dev.steward.support.ServerProcesses;

/**
 * Every write the server acknowledged is still there after the server is killed with SIGKILL
 * (no shutdown hook, no flush) and started again: on the embedded H2 default and on PostgreSQL.
 */
class CrashRecoveryIntegrationTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgres" })
    void acknowledgedWritesSurviveKillMinus9AndRestart(String database) throws Exception {
        List<String> args = new ArrayList<>(List.of("--steward.data-dir=" + dataDir, "--steward.demo=false",
                "--steward.bootstrap.api-token-file=" + dataDir.resolve("bootstrap.token")));
        try (ServerDatabase db = ServerDatabase.create(database, "steward_crash_")) {
            args.addAll(db.args());
            int port = ServerProcesses.freePort();
            Process first = start(port, args);
            ApiClient api = new ApiClient("https://localhost:" + port);
            String token;
            List<String> acknowledged = new ArrayList<>();
            try {
                ServerProcesses.awaitReady(api, first, this::logTail);
                token = Files.readString(dataDir.resolve("bootstrap.token")).strip();
                for (int i = 0; i < 20; i++) {
                    var r = api.post(token, "/api/v1/tenants", Map.of("slug", "crash-" + i, "name", "Crash " + i,
                            "contractStart", "2026-12-01", "incidentNoticeHours", 24, "storageCountries", List.of("SI")));
                    assertThat(r.status()).isEqualTo(201);
                    acknowledged.add(r.json().get("id").asString());
                }
            } finally {
                first.destroyForcibly().waitFor();
            }
            Process second = start(port, args);
            try {
                ServerProcesses.awaitReady(api, second, this::logTail);
                for (String id : acknowledged) {
                    assertThat(api.get(token, "/api/v1/tenants/" + id).status()).as("tenant " + id).isEqualTo(200);
                }
            } finally {
                second.destroyForcibly().waitFor();
            }
        }
    }

    private Process start(int port, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ServerProcesses.java(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.steward.StewardApplication",
                "--server.port=" + port));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server-" + Instant.now().toEpochMilli() + ".log").toFile()).start();
    }

    private String logTail() {
        try (var files = Files.list(dataDir)) {
            StringBuilder out = new StringBuilder();
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("server-")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                out.append(f.getFileName()).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            return out.toString();
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }
}
