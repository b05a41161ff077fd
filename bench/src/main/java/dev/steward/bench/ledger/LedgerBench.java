package dev.steward.bench.ledger;

import com.zaxxer.hikari.HikariDataSource;

import dev.steward.bench.BenchContext;
import dev.steward.bench.BenchPool;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogReader;
import dev.steward.ledger.TileLogReader;
import dev.steward.ledger.SequencedEntry;
import dev.steward.ledger.jdbc.JdbcLogStorage;
import dev.steward.ledger.merkle.MerkleTree;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteSigner;
import dev.steward.ledger.verify.BundleEntry;
import dev.steward.ledger.verify.BundleVerifier;
import dev.steward.ledger.verify.BundleWriter;
import dev.steward.ledger.verify.EvidenceBundle;
import dev.steward.ledger.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Ledger throughput, acknowledgement latency, integration lag, proof time and offline verification,
 * each with its baseline measured in the same run.
 */
public final class LedgerBench implements Benchmark {

    private static final int ENTRY_SIZE = 256;
    private static final int PG_ENTRIES = Integer.getInteger("ledger.bench.pg", 1_000_000);
    private static final int H2_ENTRIES = Integer.getInteger("ledger.bench.h2", 200_000);
    private static final int BUNDLE_ENTRIES = 100_000;
    private static final int IN_FLIGHT = 8_192;
    private static final long PROOF_TREE = Long.getLong("ledger.bench.prooftree", 10_000_000L);
    /** Offered load of the latency runs, as a fraction of the maximum throughput measured just before. */
    private static final double LOAD = 0.8;
    private static final double RATE_SECONDS = 8;
    private static final NoteSigner SIGNER = NoteSigner.fromSeed("steward.bench", new byte[32]);

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public String description() {
        return "Durable sequencing of 256-byte entries (ack after commit) with tiles and signed checkpoints, "
                + "on PostgreSQL and H2 (file, WRITE_DELAY=0), against plain batched INSERTs and raw SHA-256 "
                + "of the same entries. Max throughput: producers keep " + IN_FLIGHT + " entries in flight (closed loop). "
                + "Latency: a fixed offered rate at " + (int) (LOAD * 100) + "% of the max sequenced-and-integrated rate (open loop, measured from "
                + "each entry's due time). Inclusion proofs from tiles, also on a 10^7-entry tree whose tiles are "
                + "written directly (no entry rows); offline verification of a 100k-entry bundle.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        byte[][] entries = entries(PG_ENTRIES);
        double sha = sha256PerSecond(entries);
        System.out.printf("raw SHA-256 leaf hashing: %.0f entries/s%n", sha);

        String db = "ledger_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(context.postgresAdminUrl());
                Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        try {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(context.postgresUrl(db));
            HikariDataSource ds = BenchPool.of(pg);
            JdbcLogStorage.createTables(ds);
            double plain = plainInserts(ds, entries, 200_000);
            Run run = appendAll(ds, entries, "PostgreSQL");
            figures.add(Figure.against("max entries/s, durable ledger append, PostgreSQL", run.perSecond, "entries/s",
                    "plain batched INSERT, same entries", plain, ">= 50000 and >= 0.5x baseline"));
            figures.add(Figure.against("max entries/s, durable ledger append, PostgreSQL (vs hashing)", run.perSecond,
                    "entries/s", "raw SHA-256 leaf hashing", sha, ""));
            figures.add(Figure.of("ack latency p99 at max throughput (" + IN_FLIGHT + " in flight), PostgreSQL",
                    run.p99Millis, "ms", ""));
            figures.add(Figure.of("integration lag after last ack, PostgreSQL", run.lagMillis, "ms", ""));
            figures.add(Figure.of("max entries/s sequenced and integrated (until last integration), PostgreSQL",
                    run.integratedPerSecond, "entries/s", ""));
            Rated rated = atRate(run.ledger, new LogId(UUID.randomUUID(), "bench-postgresql-rate"), entries, LOAD * run.integratedPerSecond);
            figures.add(Figure.of("offered load for latency (" + (int) (LOAD * 100) + "% of integrated max), PostgreSQL",
                    rated.offered, "entries/s", ""));
            figures.add(Figure.of("ack latency p50 at that load, PostgreSQL", rated.p50Millis, "ms", ""));
            figures.add(Figure.of("ack latency p99 at that load, PostgreSQL", rated.p99Millis, "ms", "<= 250 ms"));
            figures.add(Figure.of("inclusion proof from tiles at " + PG_ENTRIES + " entries, PostgreSQL",
                    proofMillis(run.ledger, run.log, PG_ENTRIES), "ms", ""));
            run.ledger.close();
            LogId big = new LogId(UUID.randomUUID(), "bench-proofs");
            JdbcLogStorage storage = new JdbcLogStorage(ds, Clock.systemUTC());
            long built = System.nanoTime();
            TiledTreeBuilder.build(ds, storage, big, PROOF_TREE, SIGNER);
            System.out.printf("tiles of a %d-entry tree written in %.0f s%n", PROOF_TREE, (System.nanoTime() - built) / 1e9);
            figures.add(Figure.of("inclusion proof from tiles at " + PROOF_TREE + " entries, PostgreSQL, random indices",
                    proofMillis(new TileLogReader(storage), big, PROOF_TREE), "ms", "<= 1 ms"));
            ds.close();
        } finally {
            try (Connection admin = DriverManager.getConnection(context.postgresAdminUrl());
                    Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            }
        }

        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + context.workDirectory().resolve("ledger-h2").toAbsolutePath() + ";WRITE_DELAY=0");
        HikariDataSource hds = BenchPool.of(h2);
        JdbcLogStorage.createTables(hds);
        byte[][] h2Entries = Arrays.copyOf(entries, H2_ENTRIES);
        double h2Plain = plainInserts(hds, h2Entries, H2_ENTRIES);
        Run h2Run = appendAll(hds, h2Entries, "H2");
        figures.add(Figure.against("max entries/s, durable ledger append, H2 file", h2Run.perSecond, "entries/s",
                "plain batched INSERT, same entries", h2Plain, ">= 0.5x baseline"));
        figures.add(Figure.of("ack latency p99 at max throughput (" + IN_FLIGHT + " in flight), H2 file",
                h2Run.p99Millis, "ms", ""));
        figures.add(Figure.of("integration lag after last ack, H2 file", h2Run.lagMillis, "ms", ""));
        figures.add(Figure.of("max entries/s sequenced and integrated (until last integration), H2 file",
                h2Run.integratedPerSecond, "entries/s", ""));
        Rated h2Rated = atRate(h2Run.ledger, new LogId(UUID.randomUUID(), "bench-h2-rate"), h2Entries, LOAD * h2Run.integratedPerSecond);
        figures.add(Figure.of("offered load for latency (" + (int) (LOAD * 100) + "% of integrated max), H2 file",
                h2Rated.offered, "entries/s", ""));
        figures.add(Figure.of("ack latency p50 at that load, H2 file", h2Rated.p50Millis, "ms", ""));
        figures.add(Figure.of("ack latency p99 at that load, H2 file", h2Rated.p99Millis, "ms", "<= 250 ms"));
        h2Run.ledger.close();
        try (Connection c = hds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (Exception ignored) {
            // the database is gone with the work directory
        }

        byte[][] bundleEntries = Arrays.copyOf(entries, BUNDLE_ENTRIES);
        double[] verify = bundleVerification(context.workDirectory(), bundleEntries);
        double hashMillis = 1000.0 * BUNDLE_ENTRIES / sha;
        figures.add(Figure.against("offline verification of a 100,000-entry bundle (wall)", verify[0], "ms",
                "raw SHA-256 of the same entries", hashMillis, ""));
        figures.add(Figure.against("offline verification of a 100,000-entry bundle (CPU of the verifying thread)",
                verify[1], "ms", "raw SHA-256 of the same entries", hashMillis, ""));
        return figures;
    }

    private static byte[][] entries(int n) {
        Random r = new Random(42);
        byte[][] out = new byte[n][ENTRY_SIZE];
        for (byte[] e : out) {
            r.nextBytes(e);
        }
        return out;
    }

    private static double sha256PerSecond(byte[][] entries) {
        int n = Math.min(entries.length, 300_000);
        for (int i = 0; i < n; i++) {
            Rfc6962.leafHash(entries[i]);
        }
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Rfc6962.leafHash(entries[i]);
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    /** Baseline: the same entries in batches of 4,096, 100 rows per INSERT, one transaction per batch. */
    private static double plainInserts(DataSource ds, byte[][] entries, int limit) throws Exception {
        int n = Math.min(limit, entries.length);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_plain (id BIGINT NOT NULL PRIMARY KEY, entry BYTEA NOT NULL)");
        }
        int rows = 100;
        String sql = "INSERT INTO bench_plain (id, entry) VALUES " + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?)"));
        long t = System.nanoTime();
        for (int from = 0; from < n; from += 4096) {
            int to = Math.min(n, from + 4096);
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = from;
                    for (; i + rows <= to; i += rows) {
                        for (int r = 0; r < rows; r++) {
                            ps.setLong(2 * r + 1, i + r);
                            ps.setBytes(2 * r + 2, entries[i + r]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    for (; i < to; i++) {
                        try (PreparedStatement one = c.prepareStatement("INSERT INTO bench_plain (id, entry) VALUES (?, ?)")) {
                            one.setLong(1, i);
                            one.setBytes(2, entries[i]);
                            one.executeUpdate();
                        }
                    }
                }
                c.commit();
            }
        }
        double perSecond = n / ((System.nanoTime() - t) / 1e9);
        System.out.printf("plain batched INSERT: %.0f rows/s%n", perSecond);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_plain");
        }
        return perSecond;
    }

    private record Run(Ledger ledger, LogId log, double perSecond, double p50Millis, double p99Millis,
            double lagMillis, double integratedPerSecond) {
    }

    private static Run appendAll(DataSource ds, byte[][] entries, String what) throws Exception {
        JdbcLogStorage storage = new JdbcLogStorage(ds, Clock.systemUTC());
        Ledger ledger = new Ledger(storage, SIGNER, Clock.systemUTC(), () -> "unmeasured",
                new LedgerConfig(4096, Duration.ofMillis(2), IN_FLIGHT * 2, 8192, Duration.ofMillis(10)),
                Throwable::printStackTrace).start();
        LogId log = new LogId(UUID.randomUUID(), "bench-" + what.toLowerCase());
        long[] latency = new long[entries.length];
        Semaphore window = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<SequencedEntry>> last = new ArrayList<>();
        long t = System.nanoTime();
        CompletableFuture<SequencedEntry> f = null;
        for (int i = 0; i < entries.length; i++) {
            window.acquire();
            long start = System.nanoTime();
            int k = i;
            f = ledger.append(log, entries[i]);
            f.whenComplete((e, x) -> {
                latency[k] = System.nanoTime() - start;
                window.release();
            });
        }
        window.acquire(IN_FLIGHT);
        long acked = System.nanoTime();
        double perSecond = entries.length / ((acked - t) / 1e9);
        long lastIndex = f.join().index();
        ledger.awaitIntegrated(log, lastIndex, Duration.ofMinutes(10));
        long integrated = System.nanoTime();
        double lag = (integrated - acked) / 1e6;
        double integratedPerSecond = entries.length / ((integrated - t) / 1e9);
        Arrays.sort(latency);
        double p50 = latency[latency.length / 2] / 1e6;
        double p99 = latency[(int) (latency.length * 0.99)] / 1e6;
        System.out.printf("%s: %.0f entries/s, p50 %.1f ms, p99 %.1f ms, integration lag %.0f ms%n", what, perSecond,
                p50, p99, lag);
        last.clear();
        return new Run(ledger, log, perSecond, p50, p99, lag, integratedPerSecond);
    }

    private record Rated(double offered, double p50Millis, double p99Millis) {
    }

    /**
     * Open-loop latency: entries are offered on a fixed schedule at {@code rate} for a few seconds,
     * and each latency is measured from the moment the entry was due (so a producer held back by a
     * full window still counts the wait).
     */
    private static Rated atRate(Ledger ledger, LogId log, byte[][] entries, double rate) throws Exception {
        int count = (int) Math.min(entries.length, rate * RATE_SECONDS);
        long[] latency = new long[count];
        Semaphore window = new Semaphore(IN_FLIGHT * 2);
        long t0 = System.nanoTime();
        int i = 0;
        while (i < count) {
            long now = System.nanoTime();
            for (; i < count && t0 + (long) (i * 1e9 / rate) <= now; i++) {
                long due = t0 + (long) (i * 1e9 / rate);
                window.acquire();
                int k = i;
                ledger.append(log, entries[i]).whenComplete((e, x) -> {
                    latency[k] = System.nanoTime() - due;
                    window.release();
                });
            }
            LockSupport.parkNanos(100_000);
        }
        window.acquire(IN_FLIGHT * 2);
        double offered = count / ((System.nanoTime() - t0) / 1e9);
        Arrays.sort(latency);
        double p50 = latency[count / 2] / 1e6;
        double p99 = latency[(int) (count * 0.99)] / 1e6;
        System.out.printf("%s at %.0f entries/s offered: p50 %.1f ms, p99 %.1f ms%n", log.value(), offered, p50, p99);
        return new Rated(offered, p50, p99);
    }

    private static double proofMillis(LogReader ledger, LogId log, long size) {
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            ledger.inclusionProof(log, (long) (r.nextDouble() * size), size);
        }
        int n = 2000;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ledger.inclusionProof(log, (long) (r.nextDouble() * size), size);
        }
        double ms = (System.nanoTime() - t) / 1e6 / n;
        System.out.printf("inclusion proof at %d: %.3f ms%n", size, ms);
        return ms;
    }

    /** Wall and CPU milliseconds of verifying a bundle of {@code entries} (CPU time says more on a loaded machine). */
    private static double[] bundleVerification(Path work, byte[][] entries) {
        MerkleTree tree = new MerkleTree();
        for (byte[] e : entries) {
            tree.appendEntry(e);
        }
        long size = tree.size();
        String origin = "steward.bench/bundle";
        byte[] note = SIGNER.sign(new Checkpoint(origin, size, tree.root(), List.of("time 2026-01-01T00:00:00Z clock-offset unmeasured")).text())
                .getBytes(StandardCharsets.UTF_8);
        List<BundleEntry> items = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            items.add(new BundleEntry(i, entries[i], tree.inclusion(i, size)));
        }
        Path zip = work.resolve("bundle.zip");
        BundleWriter.write(zip, new EvidenceBundle(SIGNER.vkey(), note, note, List.of(), items));
        BundleVerifier.verify(zip);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        VerificationReport report = BundleVerifier.verify(zip);
        double ms = (System.nanoTime() - t) / 1e6;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        if (!report.ok()) {
            throw new IllegalStateException("bench bundle failed to verify: " + report.failure());
        }
        System.out.printf("offline verification of %d entries: %.0f ms, %.0f ms CPU%n", entries.length, ms, cpuMs);
        return new double[] {ms, cpuMs};
    }
}
