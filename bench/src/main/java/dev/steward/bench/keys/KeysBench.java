package dev.steward.bench.keys;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import dev.steward.bench.OpsRate;
import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.ErasureJournal;
import dev.steward.keys.IntegrityEventListener;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantId;
import dev.steward.keys.local.RawMasterKey;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Envelope encryption against raw AES-GCM, and crypto-shredding cost against the amount of data.
 */
public final class KeysBench implements Benchmark {

    private static final int KIB = 1024;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final long MEASURE_NANOS = 4_000_000_000L;
    private static final int HEAVY = 100_000;
    private static final int ROUNDS = 3;
    /** The baseline reuses its Cipher, as Tink does, so that only the cryptography is compared. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String description() {
        return "Envelope encryption of 1 KiB payloads under cached per-subject data keys (H2 in memory; "
                + "encryption re-reads the subject's key row, decryption does not) against raw AES-256-GCM "
                + "(javax.crypto, one key) on the same payloads, single thread; and the time to destroy a "
                + "subject's data key (journal fsync + row delete, PostgreSQL) for a subject with 100,000 "
                + "stored ciphertexts against one with a single ciphertext (median of " + ROUNDS + ").";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        List<Figure> figures = new ArrayList<>();
        figures.addAll(throughput(context));
        figures.add(destroyCost(context));
        return figures;
    }

    private List<Figure> throughput(BenchContext context) throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:keys_bench;DB_CLOSE_DELAY=-1");
        migrate(h2);
        try (ErasureJournal journal = ErasureJournal.open(context.workDirectory().resolve("throughput.log"),
                Clock.systemUTC()); Connection c = h2.getConnection()) {
            KeyHierarchy keys = new KeyHierarchy(h2, randomMasterKey(), journal, Clock.systemUTC(), 10_000);
            EnvelopeEncryptor encryptor = new EnvelopeEncryptor(keys, IntegrityEventListener.NONE, Clock.systemUTC());
            TenantId tenant = TenantId.random();
            keys.createTenantKeys(tenant);
            int subjects = 1_000;
            RecordBinding[] bindings = new RecordBinding[subjects];
            byte[][] ciphertexts = new byte[subjects][];
            byte[] payload = new byte[KIB];
            new SecureRandom().nextBytes(payload);
            PersonalData data = PersonalData.of(payload);
            for (int i = 0; i < subjects; i++) {
                SubjectRef subject = keys.subjectRef(c, tenant, "subject-" + i);
                bindings[i] = new RecordBinding(tenant, subject, "record-" + i, "records.payload");
                ciphertexts[i] = encryptor.encrypt(c, bindings[i], data);
            }
            double envelopeEncrypt = rate(i -> encryptor.encrypt(c, bindings[i % subjects], data).length);
            double envelopeDecrypt = rate(i -> encryptor.decrypt(c, bindings[i % subjects], ciphertexts[i % subjects])
                    .hashCode());

            byte[] rawKey = new byte[32];
            new SecureRandom().nextBytes(rawKey);
            SecretKeySpec key = new SecretKeySpec(rawKey, "AES");
            SecureRandom nonces = new SecureRandom();
            byte[][] aads = new byte[subjects][];
            for (int i = 0; i < subjects; i++) {
                aads[i] = ("steward/v1|" + tenant + "|" + bindings[i].subject() + "|" + bindings[i].recordId())
                        .getBytes(StandardCharsets.UTF_8);
            }
            byte[] nonce = new byte[12];
            byte[] rawCiphertext = rawEncrypt(key, nonce, aads[0], payload);
            double rawEncrypt = rate(i -> {
                byte[] n = new byte[12];
                nonces.nextBytes(n);
                return rawEncrypt(key, n, aads[i % subjects], payload).length;
            });
            double rawDecrypt = rate(i -> rawDecrypt(key, nonce, aads[0], rawCiphertext).length);
            return List.of(
                    Figure.against("encrypt 1 KiB, cached data key (envelope, incl. key-row read)", envelopeEncrypt,
                            "ops/s", "raw AES-256-GCM encrypt (physical limit)", rawEncrypt, ">= 0.25 x raw"),
                    Figure.against("decrypt 1 KiB, cached data key (envelope)", envelopeDecrypt, "ops/s",
                            "raw AES-256-GCM decrypt (physical limit)", rawDecrypt, ">= 0.5 x raw"));
        }
    }

    private Figure destroyCost(BenchContext context) throws Exception {
        String db = "keys_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin(context, "CREATE DATABASE " + db);
        try {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(context.postgresUrl(db));
            migrate(pg);
            try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_records (tenant_id UUID NOT NULL, record_id BIGINT NOT NULL, "
                        + "subject_ref VARCHAR(64) NOT NULL, payload BYTEA NOT NULL, PRIMARY KEY (tenant_id, record_id))");
            }
            try (ErasureJournal journal = ErasureJournal.open(context.workDirectory().resolve("destroy.log"),
                    Clock.systemUTC())) {
                KeyHierarchy keys = new KeyHierarchy(pg, randomMasterKey(), journal, Clock.systemUTC(), 10_000);
                EnvelopeEncryptor encryptor = new EnvelopeEncryptor(keys, IntegrityEventListener.NONE,
                        Clock.systemUTC());
                TenantId tenant = TenantId.random();
                keys.createTenantKeys(tenant);
                long[] light = new long[ROUNDS];
                long[] heavy = new long[ROUNDS];
                long nextRecord = 0;
                // warm-up: JIT and connection paths
                for (int w = 0; w < 20; w++) {
                    SubjectRef s = keys.subjectRef(tenant, "warm-" + w);
                    nextRecord = store(pg, encryptor, tenant, s, 1, nextRecord);
                    keys.destroySubjectKey(tenant, s);
                }
                for (int r = 0; r < ROUNDS; r++) {
                    SubjectRef few = keys.subjectRef(tenant, "light-" + r);
                    SubjectRef many = keys.subjectRef(tenant, "heavy-" + r);
                    nextRecord = store(pg, encryptor, tenant, few, 1, nextRecord);
                    nextRecord = store(pg, encryptor, tenant, many, HEAVY, nextRecord);
                    light[r] = timeDestroy(keys, tenant, few);
                    heavy[r] = timeDestroy(keys, tenant, many);
                }
                return Figure.against("destroy subject key, 100,000 ciphertexts (PostgreSQL)", median(heavy) / 1e6,
                        "ms", "same, 1 ciphertext", median(light) / 1e6, "ratio ~ 1 (constant cost)");
            }
        } finally {
            admin(context, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
    }

    private static long timeDestroy(KeyHierarchy keys, TenantId tenant, SubjectRef subject) {
        long start = System.nanoTime();
        keys.destroySubjectKey(tenant, subject);
        return System.nanoTime() - start;
    }

    private static long store(DataSource ds, EnvelopeEncryptor encryptor, TenantId tenant, SubjectRef subject,
            int count, long firstRecord) throws SQLException {
        byte[] payload = new byte[64];
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO bench_records (tenant_id, record_id, subject_ref, payload) VALUES (?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                long id = firstRecord + i;
                byte[] ct = encryptor.encrypt(c, new RecordBinding(tenant, subject, Long.toString(id), "bench"),
                        PersonalData.of(payload));
                ps.setObject(1, tenant.value());
                ps.setLong(2, id);
                ps.setString(3, subject.hmac());
                ps.setBytes(4, ct);
                ps.addBatch();
                if (i % 1_000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return firstRecord + count;
    }


    private static double rate(OpsRate.Op op) throws Exception {
        return OpsRate.measure(op, java.time.Duration.ofNanos(WARM_UP_NANOS), java.time.Duration.ofNanos(MEASURE_NANOS));
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static byte[] rawEncrypt(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] plaintext) throws Exception {
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(plaintext);
    }

    private static byte[] rawDecrypt(SecretKeySpec key, byte[] nonce, byte[] aad, byte[] ciphertext) throws Exception {
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(ciphertext);
    }

    private static RawMasterKey randomMasterKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return RawMasterKey.fromBase64(Base64.getEncoder().encodeToString(raw));
    }

    private static void migrate(DataSource ds) throws Exception {
        String sql;
        try (InputStream in = KeyHierarchy.class.getResourceAsStream("/db/keys/V200__keys.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder body = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String statement : body.toString().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    private static void admin(BenchContext context, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(context.postgresAdminUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
