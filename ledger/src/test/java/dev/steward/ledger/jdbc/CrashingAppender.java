package dev.steward.ledger.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogId;
import dev.steward.ledger.TestDatabases;
import dev.steward.ledger.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Child process of the crash test: appends forever, printing {@code ACK <index> <n> .} after each
 * durable acknowledgement of entry {@code n} and {@code CP <base64 note> .} for each new checkpoint,
 * until it is killed.
 */
public final class CrashingAppender {

    public static final NoteSigner SIGNER = NoteSigner.fromSeed("steward.crash", new byte[32]);
    public static final LogId LOG = new LogId(new java.util.UUID(0, 1), "crash");

    public static byte[] entry(long n) {
        return ("crash entry " + n).getBytes(StandardCharsets.UTF_8);
    }

    public static HikariDataSource dataSource(String url) {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(url);
            return TestDatabases.pooled(ds);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        return TestDatabases.pooled(ds);
    }

    public static void main(String[] args) throws Exception {
        DataSource ds = dataSource(args[0]);
        long start = Long.parseLong(args[1]);
        JdbcLogStorage storage = new JdbcLogStorage(ds, Clock.systemUTC());
        Ledger ledger = new Ledger(storage, SIGNER, Clock.systemUTC(), null,
                new LedgerConfig(50, Duration.ofMillis(1), 10_000, 40, Duration.ofMillis(2)), Throwable::printStackTrace)
                .start();
        long lastSize = -1;
        for (long n = start; ; n += 20) {
            List<CompletableFuture<Void>> wave = new ArrayList<>();
            for (long k = n; k < n + 20; k++) {
                long entryNo = k;
                wave.add(ledger.append(LOG, entry(k)).thenAccept(s -> print("ACK " + s.index() + " " + entryNo + " .")));
            }
            CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).join();
            var cp = ledger.latestCheckpoint(LOG);
            if (cp.isPresent()) {
                long size = ledger.size(LOG);
                if (size != lastSize) {
                    lastSize = size;
                    print("CP " + Base64.getEncoder().encodeToString(cp.get()) + " .");
                }
            }
        }
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
