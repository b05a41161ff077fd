package dev.steward.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.note.Checkpoint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Kills a real appending JVM with kill -9 twice and checks that nothing acknowledged or published is lost. */
abstract class CrashRecoveryBehaviour {

    /** JDBC URL of a database with the ledger tables, durable on commit. */
    protected abstract String databaseUrl() throws Exception;

    private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
    private final List<byte[]> checkpoints = new CopyOnWriteArrayList<>();
    private final Object progress = new Object();

    @Test
    void afterKillNineEveryAcknowledgedEntryIsPresentAndEveryCheckpointStaysConsistent() throws Exception {
        String url = databaseUrl();
        runAndKill(url, 0, 300);
        runAndKill(url, 1_000_000, 300);
        assertThat(checkpoints).hasSizeGreaterThan(2);

        HikariDataSource ds = CrashingAppender.dataSource(url);
        JdbcLogStorage storage = new JdbcLogStorage(ds, Clock.systemUTC());
        try (Ledger ledger = new Ledger(storage, CrashingAppender.SIGNER, Clock.systemUTC(), null,
                LedgerConfig.defaults(), Throwable::printStackTrace).start()) {
            long last = ledger.append(CrashingAppender.LOG, "after restart".getBytes(StandardCharsets.UTF_8)).join().index();
            ledger.awaitIntegrated(CrashingAppender.LOG, last, Duration.ofSeconds(60));
            Checkpoint latest = Checkpoint.open(ledger.latestCheckpoint(CrashingAppender.LOG).orElseThrow(),
                    CrashingAppender.SIGNER.verifier());
            for (var ack : acknowledged.entrySet()) {
                assertThat(ledger.entry(CrashingAppender.LOG, ack.getKey())).as("acknowledged index %d", ack.getKey())
                        .isEqualTo(CrashingAppender.entry(ack.getValue()));
            }
            for (byte[] note : checkpoints) {
                Checkpoint old = Checkpoint.open(note, CrashingAppender.SIGNER.verifier());
                ProofVerifier.verifyConsistency(old.size(), latest.size(),
                        ledger.consistencyProof(CrashingAppender.LOG, old.size(), latest.size()), old.rootHash(),
                        latest.rootHash());
            }
        } finally {
            ds.close();
        }
    }

    private void runAndKill(String url, long firstEntry, int acksBeforeKill) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingAppender.class.getName(), url,
                String.valueOf(firstEntry));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process child = pb.start();
        int before = acknowledged.size();
        int cpsBefore = checkpoints.size();
        List<String> seen = new ArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] f = line.split(" ");
                    // a line cut by the kill lacks its final " ." and is ignored
                    if (f.length == 4 && f[0].equals("ACK") && f[3].equals(".")) {
                        acknowledged.put(Long.parseLong(f[1]), Long.parseLong(f[2]));
                    } else if (f.length == 3 && f[0].equals("CP") && f[2].equals(".")) {
                        checkpoints.add(Base64.getDecoder().decode(f[1]));
                    } else {
                        seen.add(line);
                    }
                    synchronized (progress) {
                        progress.notifyAll();
                    }
                }
            } catch (Exception ignored) {
                // the child died
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((acknowledged.size() - before < acksBeforeKill || checkpoints.size() - cpsBefore < 2)
                && child.isAlive() && System.nanoTime() < deadline) {
            synchronized (progress) {
                progress.wait(100);
            }
        }
        assertThat(child.isAlive()).as("child still running; other output: %s", seen).isTrue();
        child.destroyForcibly();
        child.waitFor();
        reader.join();
        assertThat(acknowledged.size() - before).isGreaterThanOrEqualTo(acksBeforeKill);
    }
}
