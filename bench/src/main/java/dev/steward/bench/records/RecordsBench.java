package dev.steward.bench.records;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import dev.steward.bench.OpsRate;
import dev.steward.bench.BenchPool;
import com.zaxxer.hikari.HikariDataSource;
import dev.steward.bench.records.RecordStorage.Item;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 4's figures for the encrypted records store, measured on its storage path below HTTP
 * ({@link RecordStorage}): the server's records code lives in the Spring Boot jar and cannot be
 * called as a library, and over HTTP there is no plaintext path to compare with.
 */
public final class RecordsBench implements Benchmark {

    private static final int DOC = 1024;
    private static final int BATCH = 500;
    private static final int IMPORT_PARALLELISM = 2;
    private static final int IMPORT_ROUNDS = 3;
    private static final int SUBJECTS_PER_ROUND = 2_500;
    private static final int RECORDS_PER_SUBJECT = 10;
    private static final int HEAVY = 100_000;
    private static final int ERASE_ROUNDS = 5;
    private static final int LIGHT_PER_ROUND = 3;
    private static final long ROUND_NANOS = 1_200_000_000L;
    private static final int TIMED_ROUNDS = 3;

    private final Random random = new Random(4);
    private final ExecutorService importWorkers = Executors.newFixedThreadPool(IMPORT_PARALLELISM, r -> {
        Thread t = new Thread(r, "import");
        t.setDaemon(true);
        return t;
    });
    private final byte[][] documents = documents(64);

    @Override
    public String name() {
        return "records";
    }

    @Override
    public String description() {
        return "The encrypted records store's storage path below HTTP (the server's records code is inside the Boot "
                + "jar, and HTTP offers no plaintext path to compare with): the keys module (KeyHierarchy with its "
                + "default 10,000-key data-key cache, EnvelopeEncryptor, binding recordId#v1/records.payload as "
                + "RecordCrypto) and JDBC on the server's own V40 DDL, through HikariCP (BenchPool), which hands out a fresh "
                + "connection proxy per checkout as in the server (the keys module trusts a cached data key once a "
                + "later checkout has read it back). Encrypted: per record the subject's pseudonym (HMAC), "
                + "AES-256-GCM under the subject's data key (created on first sight, in the writing transaction), "
                + "INSERT into records. Baseline: the same INSERTs of the same rows into plain_records (same DDL) "
                + "with the plaintext 1 KiB JSON document and the customer's subject id, in the same run, "
                + "interleaved in rounds. Not included on either side: HTTP, JSON parsing, purpose policy, the "
                + "access-log INSERT per record, PostgreSQL row-level security (the bench connects as superuser). "
                + "Import (mirrors RecordStore.storeAll: one data-key batch per transaction): 75,000 records of 7,500 new subjects (10 each, shuffled, after a 5,000-record warm-up), JDBC "
                + "batches of 500 per transaction, 2 batches in flight on 2 connections as the server's import runs them; then 25,000 more records for 2,500 of those subjects, whose data keys "
                + "are now committed and cached (all 8,000 subjects fit the cache). Single writes: one record per transaction to an existing subject. Reads: by primary "
                + "key, and a subject's first page (count + page of up to 50, here 10 records), each decrypted, one "
                + "transaction each; writes and reads in 3 interleaved rounds of 1.2 s per variant. Erase: pseudonym, data-key check, destroySubjectKey (journal fsync, key row "
                + "delete), commit, for a subject with 1 record and one with 100,000, all stored before the first is "
                + "erased, erasures alternating; on PostgreSQL also the background purge's throughput. Imports 2 batches in flight, everything else single-threaded; "
                + "H2 file (WRITE_DELAY=0) and PostgreSQL 127.0.0.1; raw javax.crypto AES-256-GCM in the same run.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>(rawCrypto());
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + context.workDirectory().resolve("records-h2").toAbsolutePath() + ";WRITE_DELAY=0");
        h2.setUser("sa");
        figures.addAll(onDatabase("H2", h2, context, true));
        String db = "records_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(context, "CREATE DATABASE " + db);
        try {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(context.postgresUrl(db));
            pg.setReWriteBatchedInserts(true); // as the server configures its PostgreSQL pool
            figures.addAll(onDatabase("PostgreSQL", pg, context, false));
        } finally {
            admin(context, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        return figures;
    }

    private List<Figure> onDatabase(String label, javax.sql.DataSource target, BenchContext context,
            boolean envelopeInMemory) throws Exception {
        HikariDataSource pool = BenchPool.of(target);
        List<Figure> figures = new ArrayList<>();
        Path journal = context.workDirectory().resolve("erasures-" + label + ".log");
        try (RecordStorage store = new RecordStorage(pool, context.repositoryRoot(), journal)) {
            String loadBefore = load();
            // warm-up round (JIT, pool, first pages): 500 subjects, not measured
            List<Item> warm = items("warm", 500);
            timeImport(store, warm, true);
            timeImport(store, warm, false);
            List<Item> all = new ArrayList<>(warm);
            List<Item> firstRound = List.of();
            long encNanos = 0;
            long plainNanos = 0;
            int n = 0;
            for (int r = 0; r < IMPORT_ROUNDS; r++) {
                List<Item> round = items("s" + r, SUBJECTS_PER_ROUND);
                boolean encFirst = r % 2 == 0;
                long a = timeImport(store, round, encFirst);
                long b = timeImport(store, round, !encFirst);
                encNanos += encFirst ? a : b;
                plainNanos += encFirst ? b : a;
                n += round.size();
                all.addAll(round);
                if (r == 0) {
                    firstRound = round;
                }
            }
            // subjects with exactly 10 records, for the reads by subject
            List<Item> tenEach = new ArrayList<>(all.subList(warm.size() + firstRound.size(), all.size()));
            double enc = n / (encNanos / 1e9);
            double plain = n / (plainNanos / 1e9);
            String importGoal = label.equals("PostgreSQL") ? ">= 50,000 records/s and ratio >= 0.8" : "ratio >= 0.8";
            figures.add(Figure.against("import, encrypted, batches of 500/tx, 2 in flight, " + label + " (load " + loadBefore
                    + " -> " + load() + ")", enc, "records/s", "same rows, plaintext", plain, importGoal));

            // the same volume again for subjects that now have committed, cached data keys
            List<Item> again = items(firstRound.stream().map(Item::subjectId).distinct().toList());
            String loadAgain = load();
            List<Item> halfA = again.subList(0, again.size() / 2);
            List<Item> halfB = again.subList(again.size() / 2, again.size());
            long b = timeImport(store, halfA, false);
            long a = timeImport(store, halfA, true);
            a += timeImport(store, halfB, true);
            b += timeImport(store, halfB, false);
            figures.add(Figure.against("import, encrypted, batches of 500/tx, 2 in flight, " + label + ", subjects known (data keys "
                    + "cached, committed; " + again.size() + " records; load " + loadAgain + ")", again.size() / (a / 1e9),
                    "records/s", "same rows, plaintext", again.size() / (b / 1e9), importGoal));
            all.addAll(again);

            if (envelopeInMemory) {
                figures.add(envelopeOnly(store, all));
            }

            String loadWrites = load();
            double[] writes = singleWrites(store, all);
            figures.add(Figure.against("single writes, 1 record/tx, existing subject, encrypted, " + label + " (load "
                    + loadWrites + ")", writes[0], "records/s", "same writes, plaintext", writes[1], "ratio >= 0.8"));

            String loadReads = load();
            long[][] byRecord = reads(all, i -> store.readEncrypted(i.id()), i -> store.readPlain(i.id()));
            figures.add(Figure.against("read by record p50, decrypted, " + label + " (load " + loadReads + ")",
                    pct(byRecord[0], 0.5), "ms", "plaintext p50", pct(byRecord[1], 0.5), ""));
            figures.add(Figure.against("read by record p99, decrypted, " + label, pct(byRecord[0], 0.99), "ms",
                    "plaintext p99", pct(byRecord[1], 0.99), ""));
            long[][] bySubject = reads(tenEach, i -> store.readSubjectEncrypted(i.subjectId()),
                    i -> store.readSubjectPlain(i.subjectId()));
            figures.add(Figure.against("read by subject (10 records) p50, decrypted, " + label,
                    pct(bySubject[0], 0.5), "ms", "plaintext p50", pct(bySubject[1], 0.5), ""));
            figures.add(Figure.against("read by subject (10 records) p99, decrypted, " + label,
                    pct(bySubject[0], 0.99), "ms", "plaintext p99", pct(bySubject[1], 0.99), ""));

            figures.addAll(erasure(store, label, label.equals("PostgreSQL")));
        } finally {
            pool.close();
        }
        return figures;
    }

    /**
     * Batches of {@value #BATCH}, {@value #IMPORT_PARALLELISM} in flight as the server's import runs
     * them (steward.records.import-parallelism), each in its own transaction.
     */
    private long timeImport(RecordStorage store, List<Item> items, boolean encrypted) throws Exception {
        long start = System.nanoTime();
        List<Future<?>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += BATCH) {
            List<Item> batch = items.subList(i, Math.min(items.size(), i + BATCH));
            batches.add(importWorkers.submit(() -> {
                if (encrypted) {
                    store.writeEncrypted(batch);
                } else {
                    store.writePlain(batch);
                }
                return null;
            }));
        }
        for (Future<?> f : batches) {
            f.get();
        }
        return System.nanoTime() - start;
    }

    /** Envelope encryption alone, keys cached and known committed: no statement runs. */
    private Figure envelopeOnly(RecordStorage store, List<Item> all) throws Exception {
        try (Connection c = store.dataSource.getConnection()) {
            int k = 1_000;
            RecordBinding[] bindings = new RecordBinding[k];
            for (int i = 0; i < k; i++) {
                Item item = all.get(random.nextInt(all.size()));
                SubjectRef s = store.keys.subjectRef(c, store.tenant, item.subjectId());
                bindings[i] = new RecordBinding(store.tenant, s, UUID.randomUUID() + "#v1", RecordStorage.CONTEXT);
            }
            PersonalData data = PersonalData.of(documents[0]);
            double envelope = rate(i -> store.encryptor.encrypt(c, bindings[i % k], data).length);
            double raw = rate(rawEncryptOp());
            return Figure.against("envelope encrypt 1 KiB alone, cached committed data key, 1,000 subjects (load "
                    + load() + ")", envelope, "ops/s", "raw AES-256-GCM encrypt, same run", raw, "");
        }
    }

    /** Encrypted and plaintext single writes/s, interleaved in 3 rounds of 1.2 s after a warm-up round. */
    private double[] singleWrites(RecordStorage store, List<Item> existing) throws SQLException {
        long[] ops = new long[2];
        long[] nanos = new long[2];
        for (int r = -1; r < TIMED_ROUNDS; r++) {
            for (int v = 0; v < 2; v++) {
                int variant = r % 2 == 0 ? v : 1 - v;
                long start = System.nanoTime();
                long end = start + (r < 0 ? ROUND_NANOS / 2 : ROUND_NANOS);
                long count = 0;
                long now;
                do {
                    Item subject = existing.get(random.nextInt(existing.size()));
                    List<Item> one = List.of(new Item(subject.subjectId(), UUID.randomUUID(), doc()));
                    if (variant == 0) {
                        store.writeEncrypted(one);
                    } else {
                        store.writePlain(one);
                    }
                    count++;
                    now = System.nanoTime();
                } while (now < end);
                if (r >= 0) {
                    ops[variant] += count;
                    nanos[variant] += now - start;
                }
            }
        }
        return new double[] {ops[0] / (nanos[0] / 1e9), ops[1] / (nanos[1] / 1e9)};
    }

    @FunctionalInterface
    private interface Read {
        int run(Item item) throws SQLException;
    }

    /** Latencies in ns of encrypted [0] and plaintext [1] reads of random stored records, interleaved in rounds. */
    private long[][] reads(List<Item> stored, Read encrypted, Read plain) throws SQLException {
        List<List<Long>> samples = List.of(new ArrayList<>(), new ArrayList<>());
        long sink = 0;
        for (int r = -1; r < TIMED_ROUNDS; r++) {
            for (int v = 0; v < 2; v++) {
                int variant = r % 2 == 0 ? v : 1 - v;
                Read read = variant == 0 ? encrypted : plain;
                long end = System.nanoTime() + (r < 0 ? ROUND_NANOS / 2 : ROUND_NANOS);
                long now;
                do {
                    Item item = stored.get(random.nextInt(stored.size()));
                    long start = System.nanoTime();
                    sink += read.run(item);
                    now = System.nanoTime();
                    if (r >= 0) {
                        samples.get(variant).add(now - start);
                    }
                } while (now < end);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new long[][] {sorted(samples.get(0)), sorted(samples.get(1))};
    }

    /**
     * All heavy and light subjects are stored first, then erased alternately, so neither side's
     * timing follows right after writing 100 MB; the background purge then runs once over all.
     */
    private List<Figure> erasure(RecordStorage store, String label, boolean timePurge) throws Exception {
        for (int w = 0; w < 5; w++) {
            List<Item> one = List.of(new Item("erase-warm-" + w, UUID.randomUUID(), doc()));
            store.writeEncrypted(one);
            store.erase(one.get(0).subjectId());
        }
        List<String> heavySubjects = new ArrayList<>();
        List<String> lightSubjects = new ArrayList<>();
        for (int r = 0; r < ERASE_ROUNDS; r++) {
            String heavySubject = "heavy-" + r;
            List<Item> many = new ArrayList<>(HEAVY);
            for (int i = 0; i < HEAVY; i++) {
                many.add(new Item(heavySubject, UUID.randomUUID(), doc()));
            }
            timeImport(store, many, true);
            heavySubjects.add(heavySubject);
            for (int k = 0; k < LIGHT_PER_ROUND; k++) {
                String s = "light-" + r + "-" + k;
                store.writeEncrypted(List.of(new Item(s, UUID.randomUUID(), doc())));
                lightSubjects.add(s);
            }
        }
        String loadBefore = load();
        List<Long> light = new ArrayList<>();
        List<Long> heavy = new ArrayList<>();
        for (int r = 0; r < ERASE_ROUNDS; r++) {
            for (int k = 0; k < LIGHT_PER_ROUND; k++) {
                light.add(timeErase(store, lightSubjects.get(r * LIGHT_PER_ROUND + k)));
                if (k == r % LIGHT_PER_ROUND) {
                    heavy.add(timeErase(store, heavySubjects.get(r)));
                }
            }
        }
        long[] l = sorted(light);
        long[] h = sorted(heavy);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.against("erase subject with 100,000 records, median of " + h.length + " (max "
                + ms(h[h.length - 1]) + " ms), " + label + " (load " + loadBefore + ")", h[h.length / 2] / 1e6, "ms",
                "erase subject with 1 record, median of " + l.length + " (max " + ms(l[l.length - 1]) + " ms)",
                l[l.length / 2] / 1e6, "<= 20 ms, ratio ~ 1"));
        if (timePurge) {
            long start = System.nanoTime();
            int deleted = store.purgeOrphans();
            long nanos = System.nanoTime() - start;
            figures.add(Figure.of("background purge, orphan scan + DELETE of " + deleted + " rows of "
                    + (5 + heavy.size() + light.size()) + " erased subjects (off the request path), " + label,
                    deleted / (nanos / 1e9), "rows/s", ""));
        }
        return figures;
    }

    private static long timeErase(RecordStorage store, String subject) throws SQLException {
        long start = System.nanoTime();
        store.erase(subject);
        return System.nanoTime() - start;
    }

    private List<Figure> rawCrypto() throws Exception {
        String loadNow = load();
        double enc = rate(rawEncryptOp());
        byte[] rawKey = new byte[32];
        new SecureRandom().nextBytes(rawKey);
        SecretKeySpec key = new SecretKeySpec(rawKey, "AES");
        byte[] nonce = new byte[12];
        byte[] aad = "steward/v1|tenant|subject|record#v1|records.payload".getBytes(StandardCharsets.UTF_8);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        c.updateAAD(aad);
        byte[] ct = c.doFinal(documents[0]);
        double dec = rate(i -> {
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(ct).length;
        });
        return List.of(
                Figure.of("raw AES-256-GCM encrypt 1 KiB, javax.crypto, 1 thread: physical limit (load " + loadNow
                        + "; " + Math.round(enc * DOC / 1e6) + " MB/s)", enc, "ops/s", ""),
                Figure.of("raw AES-256-GCM decrypt 1 KiB, javax.crypto, 1 thread: physical limit ("
                        + Math.round(dec * DOC / 1e6) + " MB/s)", dec, "ops/s", ""));
    }


    /** A fresh random nonce and a reused Cipher per operation, as Tink does. */
    private OpsRate.Op rawEncryptOp() throws Exception {
        byte[] rawKey = new byte[32];
        SecureRandom nonces = new SecureRandom();
        nonces.nextBytes(rawKey);
        SecretKeySpec key = new SecretKeySpec(rawKey, "AES");
        byte[] aad = "steward/v1|tenant|subject|record#v1|records.payload".getBytes(StandardCharsets.UTF_8);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        return i -> {
            byte[] nonce = new byte[12];
            nonces.nextBytes(nonce);
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(documents[i & 63]).length;
        };
    }

    private static double rate(OpsRate.Op op) throws Exception {
        return OpsRate.measure(op, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(3));
    }

    /** {@code subjects} new subjects with 10 records each, in shuffled order. */
    private List<Item> items(String prefix, int subjects) {
        List<Item> out = new ArrayList<>(subjects * RECORDS_PER_SUBJECT);
        for (int s = 0; s < subjects; s++) {
            for (int k = 0; k < RECORDS_PER_SUBJECT; k++) {
                out.add(new Item("crm-" + prefix + "-" + s, UUID.randomUUID(), doc()));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    /** 10 new records for each given subject, in shuffled order. */
    private List<Item> items(List<String> subjects) {
        List<Item> out = new ArrayList<>(subjects.size() * RECORDS_PER_SUBJECT);
        for (String s : subjects) {
            for (int k = 0; k < RECORDS_PER_SUBJECT; k++) {
                out.add(new Item(s, UUID.randomUUID(), doc()));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    private byte[] doc() {
        return documents[random.nextInt(documents.length)];
    }

    /** JSON documents of exactly 1 KiB, as a customer's CRM would send them. */
    private static byte[][] documents(int count) {
        Random r = new Random(1);
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder("{\"name\":\"Person " + i + "\",\"email\":\"p" + i
                    + "@example.org\",\"address\":\"" + r.nextInt(1000) + " Main Street\",\"notes\":\"");
            while (sb.length() < DOC - 2) {
                sb.append((char) ('a' + r.nextInt(26)));
            }
            sb.append("\"}");
            out[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static long[] sorted(List<Long> values) {
        long[] out = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private static double pct(long[] sortedNanos, double q) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, i)] / 1e6;
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void admin(BenchContext context, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(context.postgresAdminUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
