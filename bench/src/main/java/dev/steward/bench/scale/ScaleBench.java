package dev.steward.bench.scale;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import dev.steward.bench.BenchPool;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.bench.scale.ScaleStorage.Item;
import dev.steward.keys.TenantId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 10's scale figures: Steward's storage path (records and system log, {@link ScaleStorage}) on a
 * three-node Citus cluster against the single PostgreSQL, in the same run, on the same machine.
 */
public final class ScaleBench implements Benchmark {

    /** The coordinator of the cluster (`./steward bench scale` starts one when it is not set). */
    static final String VARIABLE = "STEWARD_BENCH_CITUS_URL";
    private static final int TENANTS = 100;
    private static final int SUBJECTS_PER_TENANT = 20;
    private static final int RECORDS_PER_SUBJECT = 10;
    private static final int BATCH = 50;
    private static final int THREADS = 2;
    private static final int READS = 10_000;
    private static final int LOG_APPENDS = 5_000;
    private static final int DOC = 1024;

    private final Random random = new Random(10);

    @Override
    public String name() {
        return "scale";
    }

    @Override
    public String description() {
        return "Steward's storage path below HTTP on a three-node Citus 13.2.2 cluster (coordinator and two workers, "
                + "all on this machine's 2 cores) against the single PostgreSQL 15, in the same run: each transaction "
                + "begins with SET LOCAL steward.tenant_id as the server's ScopedDataSource does; records are 1 KiB "
                + "documents encrypted under per-subject data keys (keys module) into the server's V40 records table, "
                + "in import batches of " + BATCH + " per transaction, " + THREADS + " writers; reads by primary key "
                + "with decryption, one transaction each, " + THREADS + " readers, random records; system-log appends "
                + "are one ledger_pending entry per transaction (JdbcLogStorage.appendInTransaction), " + THREADS
                + " writers. On Citus the records, keys and ledger tables are distributed on tenant_id and co-located "
                + "(as the migrations place them; each log is keyed by its tenant). "
                + "Spread: " + TENANTS + " tenants x " + SUBJECTS_PER_TENANT + " subjects x " + RECORDS_PER_SUBJECT
                + " records; one large tenant: the same number of records in one tenant; ANALYZE after each load. All "
                + "nodes durable (fsync, synchronous_commit on), as the single PostgreSQL. Not included: HTTP, "
                + "row-level security policies (the bench connects as the administrator), the access log.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        String citusUrl = System.getenv(VARIABLE);
        if (citusUrl == null || citusUrl.isBlank()) {
            throw new IllegalStateException(VARIABLE + " is not set: run ./steward bench scale, which starts a Citus cluster");
        }
        String db = "scale_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<Figure> figures = new ArrayList<>();
        Run pg;
        Run citus;
        admin(context.postgresAdminUrl(), "CREATE DATABASE " + db);
        try (CitusDatabase cluster = new CitusDatabase(citusUrl, db)) {
            PGSimpleDataSource single = new PGSimpleDataSource();
            single.setURL(context.postgresUrl(db));
            single.setReWriteBatchedInserts(true);
            PGSimpleDataSource distributed = new PGSimpleDataSource();
            distributed.setURL(cluster.url());
            distributed.setReWriteBatchedInserts(true);
            pg = measure("pg", single, context, false);
            citus = measure("citus", distributed, context, true);
        } finally {
            admin(context.postgresAdminUrl(), "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        String goal = ">= 0.8x single PostgreSQL";
        figures.add(Figure.against("records written/s, " + TENANTS + " tenants, Citus", citus.spreadWrites, "records/s",
                "single PostgreSQL, same path", pg.spreadWrites, goal));
        figures.add(Figure.against("records read/s, " + TENANTS + " tenants, Citus", citus.spreadReads, "reads/s",
                "single PostgreSQL, same path", pg.spreadReads, goal));
        figures.add(Figure.against("records written/s, one large tenant, Citus", citus.largeWrites, "records/s",
                "single PostgreSQL, same path", pg.largeWrites, ""));
        figures.add(Figure.against("records read/s, one large tenant, Citus", citus.largeReads, "reads/s",
                "single PostgreSQL, same path", pg.largeReads, ""));
        figures.add(Figure.against("system-log appends/s (one per transaction), " + TENANTS + " tenants, Citus",
                citus.logAppends, "appends/s", "single PostgreSQL, same path", pg.logAppends, ""));
        return figures;
    }

    private record Run(double spreadWrites, double spreadReads, double largeWrites, double largeReads, double logAppends) {
    }

    private Run measure(String label, javax.sql.DataSource target, BenchContext context, boolean citus) throws Exception {
        try (HikariDataSource pool = BenchPool.of(target); ScaleStorage store = new ScaleStorage(pool, context.repositoryRoot(),
                context.workDirectory().resolve("erasures-" + label + ".log"), citus)) {
            List<TenantId> tenants = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                TenantId tenant = TenantId.random();
                store.createTenant(tenant);
                tenants.add(tenant);
            }
            TenantId large = TenantId.random();
            store.createTenant(large);
            // warm-up: a few batches and reads on every path, not measured
            List<Batch> warm = batches(tenants.subList(0, 10), 2);
            write(store, warm);
            read(store, warm, 500);
            List<Batch> spread = batches(tenants, SUBJECTS_PER_TENANT);
            double spreadWrites = write(store, spread);
            store.analyze();
            double spreadReads = read(store, spread, READS);
            List<Batch> oneTenant = batches(Collections.nCopies(TENANTS, large), SUBJECTS_PER_TENANT);
            double largeWrites = write(store, oneTenant);
            store.analyze();
            double largeReads = read(store, oneTenant, READS);
            double logAppends = appendLog(store, tenants);
            System.out.printf("scale %s: spread %.0f w/s %.0f r/s, large %.0f w/s %.0f r/s, log %.0f/s%n", label,
                    spreadWrites, spreadReads, largeWrites, largeReads, logAppends);
            return new Run(spreadWrites, spreadReads, largeWrites, largeReads, logAppends);
        }
    }

    private record Batch(TenantId tenant, List<Item> items) {
    }

    /** For each tenant given (repeats allowed), its subjects' records in import batches, shuffled across tenants. */
    private List<Batch> batches(List<TenantId> tenants, int subjectsPerTenant) {
        List<Batch> out = new ArrayList<>();
        for (TenantId tenant : tenants) {
            List<Item> items = new ArrayList<>();
            String prefix = UUID.randomUUID().toString().substring(0, 8);
            for (int s = 0; s < subjectsPerTenant; s++) {
                for (int r = 0; r < RECORDS_PER_SUBJECT; r++) {
                    items.add(new Item("subject-" + prefix + "-" + s, UUID.randomUUID(), document()));
                }
            }
            Collections.shuffle(items, random);
            for (int i = 0; i < items.size(); i += BATCH) {
                out.add(new Batch(tenant, items.subList(i, Math.min(items.size(), i + BATCH))));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static double write(ScaleStorage store, List<Batch> batches) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long records = batches.stream().mapToLong(b -> b.items().size()).sum();
        long start = System.nanoTime();
        parallel(() -> {
            for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                store.write(batches.get(i).tenant(), batches.get(i).items());
            }
            return null;
        });
        return records / ((System.nanoTime() - start) / 1e9);
    }

    private double read(ScaleStorage store, List<Batch> written, int reads) throws Exception {
        List<Batch> picks = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            Batch b = written.get(random.nextInt(written.size()));
            picks.add(new Batch(b.tenant(), List.of(b.items().get(random.nextInt(b.items().size())))));
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(() -> {
            for (int i = next.getAndIncrement(); i < picks.size(); i = next.getAndIncrement()) {
                if (store.read(picks.get(i).tenant(), picks.get(i).items().get(0).id()) != DOC) {
                    throw new IllegalStateException("a record read back wrong");
                }
            }
            return null;
        });
        return reads / ((System.nanoTime() - start) / 1e9);
    }

    private static double appendLog(ScaleStorage store, List<TenantId> tenants) throws Exception {
        byte[] entry = "{\"schema\":\"steward.log/1\",\"action\":\"record.created\",\"object\":\"record:bench\"}"
                .getBytes(StandardCharsets.UTF_8);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(() -> {
            for (int i = next.getAndIncrement(); i < LOG_APPENDS; i = next.getAndIncrement()) {
                store.appendLog(tenants.get(i % tenants.size()), entry);
            }
            return null;
        });
        return LOG_APPENDS / ((System.nanoTime() - start) / 1e9);
    }

    private static void parallel(java.util.concurrent.Callable<Void> work) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(workers.submit(work));
            }
            for (Future<Void> f : running) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private byte[] document() {
        StringBuilder json = new StringBuilder("{\"note\":\"");
        while (json.length() < DOC - 2) {
            json.append((char) ('a' + random.nextInt(26)));
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void admin(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
