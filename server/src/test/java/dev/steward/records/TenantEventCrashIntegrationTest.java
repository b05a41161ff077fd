package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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
import dev.steward.support.TestPostgres;

/**
 * A crash between the commit of a tenant's deletion and the listener that destroys its keys loses
 * nothing: the server dies right after the commit, and after a restart the event publication
 * registry hands the event to the listener, which runs once.
 */
class TenantEventCrashIntegrationTest {

    /** The records listener's publication of the deletion event (the deactivation before it has its own). */
    private static final String DELETED = " AND listener_id LIKE '%TenantEndListener%'"
            + " AND event_type LIKE '%TenantDeleted%'";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    // H2 is left out for now: with AUTO_SERVER (so this test can read the file database while the
    // server holds it) the server failed to get a connection at start. To do: read H2 after stopping the server.
    @ValueSource(strings = { "postgres" })
    void aTenantDeletionCommittedJustBeforeACrashStillDestroysTheKeysOnceAfterRestart(String database)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--steward.data-dir=" + dataDir, "--steward.demo=false",
                "--steward.bootstrap.api-token-file=" + dataDir.resolve("bootstrap.token")));
        try (ServerDatabase db = ServerDatabase.create(database, "steward_evcrash_")) {
            String url;
            if (db.isPostgres()) {
                args.addAll(db.args());
                url = TestPostgres.configured().urlWithCredentials(db.postgresName());
            } else {
                // AUTO_SERVER lets this test read the database while the server has it open.
                url = "jdbc:h2:file:" + dataDir.resolve("db/steward").toAbsolutePath()
                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=TRUE";
                args.add("--spring.datasource.url=" + url);
                url += ";USER=steward";
            }
            int port = ServerProcesses.freePort();
            ApiClient api = new ApiClient("https://localhost:" + port);
            List<String> halting = new ArrayList<>(args);
            halting.add("--steward.test.halt-after-tenant-deleted=true");
            Process first = start(port, halting);
            UUID tenant;
            try {
                awaitReady(api, first);
                String token = Files.readString(dataDir.resolve("bootstrap.token")).strip();
                tenant = UUID.fromString(api.post(token, "/api/v1/tenants", Map.of("slug", "gone", "name", "Gone",
                        "contractStart", "2026-12-01", "incidentNoticeHours", 24, "storageCountries", List.of("SI")))
                        .json().get("id").asString());
                assertThat(api.patch(token, "/api/v1/tenants/" + tenant, Map.of("state", "TERMINATED")).status())
                        .isEqualTo(200);
                try {
                    api.patch(token, "/api/v1/tenants/" + tenant, Map.of("state", "DELETED"));
                } catch (RuntimeException connectionLost) {
                    // the server died after the commit, before it answered
                }
                assertThat(first.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS).exitValue())
                        .as("the server halted right after the commit").isEqualTo(137);
            } finally {
                first.destroyForcibly().waitFor();
            }
            String jdbc = url;
            assertThat(count(jdbc, "SELECT COUNT(*) FROM tenants WHERE tenant_id = ? AND state = 'DELETED'", tenant))
                    .as("the deletion committed").isEqualTo(1);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?" + DELETED
                    + " AND completion_date IS NULL", "%" + tenant + "%"))
                    .as("its event waits, unhandled").isEqualTo(1);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM keys_erasure WHERE tenant_id = ?", tenant)).isZero();

            Process second = start(port, args);
            try {
                awaitReady(api, second);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(count(jdbc, "SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?"
                                + DELETED + " AND completion_date IS NOT NULL",
                                "%" + tenant + "%")).isEqualTo(1));
                assertThat(count(jdbc, "SELECT COUNT(*) FROM keys_erasure WHERE tenant_id = ? AND kind = 'TENANT'",
                        tenant)).as("the tenant was crypto-shredded").isEqualTo(1);
                assertThat(count(jdbc, "SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ?"
                        + " AND action = 'tenant.keys-destroyed'", tenant)).as("once").isEqualTo(1);
            } finally {
                second.destroyForcibly().waitFor();
            }
        }
    }

    private static long count(String url, String sql, Object param) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            if (!url.startsWith("jdbc:h2")) {
                // The tables force row-level security; the superuser sees every row anyway, this names the intent.
                try (var s = c.createStatement()) {
                    s.execute("SELECT set_config('steward.scope', 'provider', false)");
                }
            }
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Two of ServerProcesses' two-minute waits: a loaded 2-core machine has taken longer than one to start. */
    private void awaitReady(ApiClient api, Process process) {
        try {
            ServerProcesses.awaitReady(api, process, this::logTail);
        } catch (AssertionError slow) {
            if (!process.isAlive()) {
                throw slow;
            }
            ServerProcesses.awaitReady(api, process, this::logTail);
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
