package dev.steward.keys;

import dev.steward.keys.local.RawMasterKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A key hierarchy over a test database, with the parts a test restarts or inspects. */
final class Fixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    final TestDatabase db;
    final Path journalFile;
    final String masterKeyBase64;
    final List<IntegrityEvent> integrityEvents = new CopyOnWriteArrayList<>();
    ErasureJournal journal;
    KeyHierarchy keys;
    EnvelopeEncryptor encryptor;

    Fixture(TestDatabase.Kind kind, Path dir) {
        this.db = TestDatabase.create(kind, dir);
        this.journalFile = dir.resolve("journal/erasures.log");
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        this.masterKeyBase64 = Base64.getEncoder().encodeToString(raw);
        start();
    }

    /** Starts the key hierarchy as a fresh process would: empty caches, journal read from its file. */
    void start() {
        journal = ErasureJournal.open(journalFile, CLOCK);
        keys = new KeyHierarchy(db.dataSource(), RawMasterKey.fromBase64(masterKeyBase64), journal, CLOCK, 100);
        encryptor = new EnvelopeEncryptor(keys, integrityEvents::add, CLOCK);
    }

    void restart() {
        journal.close();
        start();
    }

    TenantId newTenant() {
        TenantId tenant = TenantId.random();
        keys.createTenantKeys(tenant);
        return tenant;
    }

    byte[] encrypt(RecordBinding binding, String text) throws SQLException {
        try (Connection c = db.connect()) {
            return encryptor.encrypt(c, binding, PersonalData.ofText(text));
        }
    }

    String decrypt(RecordBinding binding, byte[] ciphertext) throws SQLException {
        try (Connection c = db.connect()) {
            return encryptor.decrypt(c, binding, ciphertext).revealTextForPurpose("test");
        }
    }

    boolean hasDataKey(TenantId tenant, SubjectRef subject) throws SQLException {
        try (Connection c = db.connect()) {
            return keys.hasDataKey(c, tenant, subject);
        }
    }

    @Override
    public void close() {
        journal.close();
        db.close();
    }
}
