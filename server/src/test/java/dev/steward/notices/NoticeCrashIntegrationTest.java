package dev.steward.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

import dev.steward.support.ApiClient;
import dev.steward.support.ServerDatabase;
import dev.steward.support.ServerProcesses;
import dev.steward.support.TestMail;
import dev.steward.support.TestPostgres;

/**
 * Exactly once for the receiver across a crash: a notice commits, the server is killed the moment
 * a receiver has accepted the first delivery and before its receipt is recorded, and after a
 * restart the worker sends what is pending again, under the same webhook-id and Message-ID. Each
 * receiver therefore keeps each notice once (deduplicating by id), and each delivery has one receipt.
 * PostgreSQL only, as {@code TenantEventCrashIntegrationTest} (reading H2's file from outside is not set up).
 */
class NoticeCrashIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void aCrashBetweenSendingAndTheReceiptSendsAgainUnderTheSameIdsAndEachNoticeIsKeptOnce() throws Exception {
        GreenMail mail = TestMail.start();
        mail.purgeEmailFromAllMailboxes();
        try (WebhookReceiver receiver = new WebhookReceiver();
                ServerDatabase db = ServerDatabase.create("postgres", "steward_ntcrash_")) {
            List<String> args = new ArrayList<>(List.of("--steward.data-dir=" + dataDir, "--steward.demo=false",
                    "--steward.bootstrap.api-token-file=" + dataDir.resolve("bootstrap.token"),
                    "--steward.notices.mail.host=127.0.0.1", "--steward.notices.mail.port=" + TestMail.PORT,
                    "--steward.notices.mail.tls=none", "--steward.notices.plain-http-webhooks=true",
                    "--steward.notices.private-webhook-addresses=true",
                    "--steward.jobs.poll-interval=PT0.5S",
                    // The killed node's lease on the delivery job must lapse before the restarted node may take it.
                    "--steward.jobs.lease=PT5S", "--steward.notices.deliver-interval=PT0.5S"));
            args.addAll(db.args());
            String jdbc = TestPostgres.configured().urlWithCredentials(db.postgresName());
            int port = ServerProcesses.freePort();
            ApiClient api = new ApiClient("https://localhost:" + port);

            List<String> first = new ArrayList<>(args);
            first.add("--steward.test.notice-crash-setup=" + receiver.url());
            first.add("--steward.test.halt-after-notice-sent=true");
            Process crashing = start(port, first);
            try {
                assertThat(crashing.onExit().get(240, TimeUnit.SECONDS).exitValue())
                        .as("the server died right after a receiver accepted a delivery\n" + logTail()).isEqualTo(137);
            } finally {
                crashing.destroyForcibly().waitFor();
            }
            assertThat(states(jdbc)).as("the notice committed; no receipt was recorded").containsExactly("PENDING", "PENDING");
            int before = notices(receiver).size() + mail.getReceivedMessages().length;
            assertThat(before).as("one receiver got its delivery before the crash").isEqualTo(1);

            Process restarted = start(port, args);
            try {
                ServerProcesses.awaitReady(api, restarted, this::logTail);
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (!states(jdbc).equals(List.of("DELIVERED", "DELIVERED")) && Instant.now().isBefore(deadline)) {
                    restarted.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
                }
                assertThat(states(jdbc)).as("delivered after the restart\n" + logTail()).containsExactly("DELIVERED", "DELIVERED");
            } finally {
                restarted.destroyForcibly().waitFor();
            }

            List<WebhookReceiver.Received> hooks = notices(receiver);
            assertThat(hooks.stream().map(WebhookReceiver.Received::id).distinct()).as("one webhook-id").hasSize(1);
            List<String> messageIds = Arrays.stream(mail.getReceivedMessages()).map(NoticeCrashIntegrationTest::messageId)
                    .toList();
            assertThat(messageIds.stream().distinct()).as("one Message-ID").hasSize(1);
            assertThat(hooks.size() + messageIds.size()).as("the delivery accepted before the crash was sent again")
                    .isEqualTo(3);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM evidence_index WHERE action = 'notice.delivered' "
                    + "AND object_ref NOT LIKE '%/inbox'")).as("one receipt per delivery").isEqualTo(2);
        }
    }

    private static List<WebhookReceiver.Received> notices(WebhookReceiver receiver) {
        return receiver.received().stream().filter(r -> !r.body().contains("webhook.verification")).toList();
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> states(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("SELECT set_config('steward.scope', 'provider', false)");
            List<String> states = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT state FROM notice_deliveries WHERE channel <> 'INBOX' ORDER BY state")) {
                while (rs.next()) {
                    states.add(rs.getString(1));
                }
            }
            return states;
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("SELECT set_config('steward.scope', 'provider', false)");
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Process start(int port, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ServerProcesses.java(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "dev.steward.StewardApplication", "--server.port=" + port));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
    }

    private String logTail() {
        try (var files = Files.list(dataDir)) {
            StringBuilder out = new StringBuilder();
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("server-")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                out.append(f.getFileName()).append(":\n");
                lines.stream().filter(l -> l.contains("ERROR") || l.contains("Caused by") || l.contains("WARN"))
                        .limit(30).forEach(l -> out.append(l).append('\n'));
                out.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
            return out.toString();
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }
}
