package dev.steward.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import dev.steward.keys.ErasureReceipt.ErasureKind;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The key hierarchy: master key ({@link MasterKeyService}) &rarr; one key-encryption key (KEK) per
 * tenant &rarr; one data key per data subject, all AES-256-GCM Tink keysets; plus a per-tenant
 * HMAC-SHA256 pseudonymisation key for {@link SubjectRef}s.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>No key is stored in clear: KEKs are wrapped by the master key, data keys and the
 *       pseudonymisation key by their tenant's KEK, each bound (associated data) to its tenant,
 *       subject and version, so a wrapped key copied to another row does not unwrap.</li>
 *   <li>Unwrapped data keys live in a bounded LRU cache; the master key is called once per KEK
 *       version and process, never per encryption.</li>
 *   <li>{@link #destroySubjectKey} and {@link #destroyTenantKeys} cost the same whatever the amount
 *       of data: a journal line (fsync'd, apart from the database) and a few row deletions.
 *       From the journal line on, no key of the erased subject or tenant is served, even if a
 *       restored backup brings the row back; {@link ErasureJournal#replay} removes it again.</li>
 *   <li>Methods taking a {@link Connection} run in the caller's transaction and never commit,
 *       roll back or close it. Methods without one use the {@link DataSource} in a short
 *       transaction of their own.</li>
 * </ul>
 */
public final class KeyHierarchy {

    public static final int DEFAULT_DATA_KEY_CACHE_SIZE = 10_000;

    private record SubjectKey(TenantId tenant, SubjectRef subject) {
    }

    /**
     * @param committed read from a row this connection did not insert, so it is committed (no
     *        transaction can see another's uncommitted row): safe to encrypt with, unread, until erased
     */
    private record CachedDataKey(byte[] wrapped, Aead aead, boolean committed) {
    }

    private final DataSource dataSource;
    private final ErasureJournal journal;
    private final Clock clock;
    private final TenantKeks keks;
    private final LruCache<SubjectKey, CachedDataKey> dataKeys;
    /** Data keys inserted through a connection (one checkout), not yet known to be committed. */
    private final java.util.Map<Connection, java.util.Set<SubjectKey>> insertedBy =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    private final LruCache<TenantId, Mac> pseudonymKeys;

    public KeyHierarchy(DataSource dataSource, MasterKeyService master, ErasureJournal journal, Clock clock,
            int dataKeyCacheSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keks = new TenantKeks(Objects.requireNonNull(master, "master"), 1_024);
        this.dataKeys = new LruCache<>(dataKeyCacheSize);
        this.pseudonymKeys = new LruCache<>(1_024);
    }

    /** Creates the tenant's first KEK and its pseudonymisation key; does nothing if they exist. */
    public void createTenantKeys(Connection tx, TenantId tenant) {
        refuseErasedTenant(tenant);
        sql("create keys of tenant " + tenant, () -> {
            if (KeyTables.findTenant(tx, tenant).isPresent()) {
                return null;
            }
            Aead kek = keks.create(tx, tenant, KeyVersion.FIRST, clock.instant());
            KeysetHandle pseudonymKey = Tinks.newHmacKeyset();
            KeyTables.insertTenant(tx, tenant, KeyVersion.FIRST,
                    Tinks.wrap(pseudonymKey, kek, Aad.pseudonymKey(tenant)), clock.instant());
            // Not cached here: the caller's transaction may still roll back.
            return null;
        });
    }

    public void createTenantKeys(TenantId tenant) {
        Transactions.inTransaction(dataSource, "create tenant keys", c -> {
            createTenantKeys(c, tenant);
            return null;
        });
    }

    /**
     * The pseudonymous reference of a customer's subject identifier: HMAC-SHA256 under the
     * tenant's pseudonymisation key. Same input, same tenant: same reference.
     */
    public SubjectRef subjectRef(Connection c, TenantId tenant, String customerSubjectId) {
        Objects.requireNonNull(customerSubjectId, "customerSubjectId");
        return pseudonym(c, tenant, "steward/v1/subject", customerSubjectId);
    }

    /**
     * The key reference of an actor (an account, a token, the anonymous party of refused sign-ins)
     * whose personal fields the system log seals: HMAC-SHA256 under the tenant's pseudonymisation
     * key with a label of its own. No customer subject identifier maps to it, so erasing a
     * customer's subject can never destroy an actor's key, whatever identifier the customer sends.
     */
    public SubjectRef actorRef(Connection c, TenantId tenant, String actorName) {
        Objects.requireNonNull(actorName, "actorName");
        return pseudonym(c, tenant, "steward/v1/actor", actorName);
    }

    public SubjectRef actorRef(TenantId tenant, String actorName) {
        return withConnection(c -> actorRef(c, tenant, actorName));
    }

    private SubjectRef pseudonym(Connection c, TenantId tenant, String label, String value) {
        refuseErasedTenant(tenant);
        Mac mac = pseudonymKeys.get(tenant);
        if (mac == null) {
            mac = sql("load pseudonymisation key of tenant " + tenant, () -> {
                KeyTables.TenantRow row = KeyTables.findTenant(c, tenant).orElseThrow(() -> new TenantUnknown(tenant));
                Aead kek = keks.get(c, tenant, row.pseudonymKek());
                return Tinks.mac(Tinks.unwrap(row.pseudonymKey(), kek, Aad.pseudonymKey(tenant)));
            });
            pseudonymKeys.put(tenant, mac);
        }
        try {
            return new SubjectRef(HexFormat.of().formatHex(
                    mac.computeMac(Aad.of(label, value))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }

    public SubjectRef subjectRef(TenantId tenant, String customerSubjectId) {
        return withConnection(c -> subjectRef(c, tenant, customerSubjectId));
    }

    /** Whether a data key row exists for the subject (it may still be refused if journaled as erased). */
    public boolean hasDataKey(Connection c, TenantId tenant, SubjectRef subject) {
        return sql("find data key", () -> KeyTables.findDataKey(c, tenant, subject).isPresent());
    }

    /**
     * Crypto-shreds one subject: journals the act (fsync'd), forgets the cached key, deletes the
     * wrapped key row in the caller's transaction. Constant cost whatever the subject's data.
     * Should the caller's transaction roll back, the journal still refuses the key and
     * {@link ErasureJournal#replay} deletes it: the erasure stands. Erasing twice returns the first receipt.
     */
    public ErasureReceipt destroySubjectKey(Connection tx, TenantId tenant, SubjectRef subject) {
        ErasureReceipt receipt = journal.receiptFor(tenant, subject)
                .orElseGet(() -> journal.append(ErasureKind.SUBJECT, tenant, subject));
        dataKeys.remove(new SubjectKey(tenant, subject));
        sql("destroy data key", () -> {
            KeyTables.deleteDataKey(tx, tenant, subject);
            if (!KeyTables.erasureRecorded(tx, receipt)) {
                KeyTables.insertErasure(tx, receipt);
            }
            return null;
        });
        return receipt;
    }

    public ErasureReceipt destroySubjectKey(TenantId tenant, SubjectRef subject) {
        return Transactions.inTransaction(dataSource, "destroy subject key",
                c -> destroySubjectKey(c, tenant, subject));
    }

    /**
     * Crypto-shreds a whole tenant (contract end): journals the act, deletes its KEKs and
     * pseudonymisation key (a handful of rows), which leaves every data key of the tenant
     * unwrappable. The orphaned data-key rows are removed by {@link ErasureJournal#replay}.
     */
    public ErasureReceipt destroyTenantKeys(Connection tx, TenantId tenant) {
        ErasureReceipt receipt = journal.tenantReceipt(tenant)
                .orElseGet(() -> journal.append(ErasureKind.TENANT, tenant, null));
        keks.evictTenant(tenant);
        pseudonymKeys.remove(tenant);
        dataKeys.removeIf(k -> k.tenant().equals(tenant));
        sql("destroy tenant keys", () -> {
            KeyTables.deleteTenantKeys(tx, tenant);
            if (!KeyTables.erasureRecorded(tx, receipt)) {
                KeyTables.insertErasure(tx, receipt);
            }
            return null;
        });
        return receipt;
    }

    public ErasureReceipt destroyTenantKeys(TenantId tenant) {
        return Transactions.inTransaction(dataSource, "destroy tenant keys", c -> destroyTenantKeys(c, tenant));
    }

    public ErasureJournal journal() {
        return journal;
    }

    /** The subject's data key for encrypting, created (in the caller's transaction) if absent. */
    Aead dataKeyForEncryption(Connection tx, TenantId tenant, SubjectRef subject) {
        refuseErased(tenant, subject);
        SubjectKey subjectKey = new SubjectKey(tenant, subject);
        CachedDataKey known = dataKeys.get(subjectKey);
        if (known != null && known.committed()) {
            return known.aead();
        }
        return sql("get data key", () -> {
            Optional<KeyTables.DataKeyRow> row = KeyTables.findDataKey(tx, tenant, subject);
            boolean insertedHere = false;
            if (row.isEmpty()) {
                KeyTables.TenantRow t = KeyTables.findTenant(tx, tenant).orElseThrow(() -> new TenantUnknown(tenant));
                Aead kek = keks.get(tx, tenant, t.currentKek());
                byte[] wrapped = Tinks.wrap(Tinks.newAesGcmKeyset(), kek, Aad.dataKey(tenant, subject));
                KeyTables.insertDataKeyIfAbsent(tx, tenant, subject, t.currentKek(), wrapped, clock.instant());
                insertedHere = true;
                insertedBy.computeIfAbsent(tx, c -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(subjectKey);
                row = KeyTables.findDataKey(tx, tenant, subject);
            }
            // The row is read on every encryption so that a key the cache holds from a rolled-back
            // transaction, or from before a rotation, is never used to write new data.
            KeyTables.DataKeyRow found = row.orElseThrow(() -> new SubjectErased(tenant, subject));
            java.util.Set<SubjectKey> mine = insertedBy.get(tx);
            boolean committed = !insertedHere && (mine == null || !mine.contains(subjectKey));
            CachedDataKey cached = dataKeys.get(subjectKey);
            if (cached != null && Arrays.equals(cached.wrapped(), found.wrapped())) {
                if (committed && !cached.committed()) {
                    dataKeys.put(subjectKey, new CachedDataKey(cached.wrapped(), cached.aead(), true));
                }
                return cached.aead();
            }
            return unwrapAndCache(tx, subjectKey, found, committed);
        });
    }

    /**
     * Data keys for encrypting records of many subjects: keys cached and known committed as they
     * are, all others read in the caller's transaction in one query. The missing ones are created
     * as one batch <b>in a short transaction of their own, committed before this returns</b>:
     * concurrent batches that meet the same new subjects then wait milliseconds for each other, not
     * for each other's whole batch. Should the caller roll back, those keys stay, with no data under
     * them (erasing the subject removes them as any other). Subjects erased (before or during the
     * call) are left out of the answer.
     */
    Map<SubjectRef, Aead> dataKeysForEncryption(Connection tx, TenantId tenant, Collection<SubjectRef> subjects) {
        refuseErasedTenant(tenant);
        Map<SubjectRef, Aead> out = new HashMap<>();
        List<SubjectRef> toRead = new ArrayList<>();
        for (SubjectRef subject : new LinkedHashSet<>(subjects)) {
            if (journal.isErased(tenant, subject)) {
                continue;
            }
            CachedDataKey known = dataKeys.get(new SubjectKey(tenant, subject));
            if (known != null && known.committed()) {
                out.put(subject, known.aead());
            } else {
                toRead.add(subject);
            }
        }
        if (toRead.isEmpty()) {
            return out;
        }
        Map<SubjectRef, KeyTables.DataKeyRow> rows = sql("get data keys", () -> KeyTables.findDataKeys(tx, tenant, toRead));
        // In one order for every transaction: two batches creating keys of the same subjects wait
        // for each other instead of deadlocking.
        List<SubjectRef> missing = toRead.stream().filter(s -> !rows.containsKey(s))
                .sorted(java.util.Comparator.comparing(SubjectRef::hmac)).toList();
        for (int attempt = 1; !missing.isEmpty(); attempt++) {
            List<SubjectRef> creating = missing;
            try {
                Map<SubjectRef, CachedDataKey> created = Transactions.inTransaction(dataSource, "create data keys",
                        c -> sql("create data keys", () -> createDataKeys(c, tenant, creating, rows)));
                created.forEach((subject, key) -> {
                    dataKeys.put(new SubjectKey(tenant, subject), key);
                    out.put(subject, key.aead());
                });
                break;
            } catch (KeyStoreFailure e) {
                // H2's MERGE is not atomic: a concurrent batch may have inserted some of these keys
                // first. The transaction is the module's own, so it is safe to read again and retry.
                if (attempt == 3 || !isUniqueViolation(e)) {
                    throw e;
                }
                rows.putAll(sql("get data keys", () -> KeyTables.findDataKeys(tx, tenant, creating)));
                missing = creating.stream().filter(s -> !rows.containsKey(s)).toList();
            }
        }
        java.util.Set<SubjectKey> mine = insertedBy.get(tx);
        for (Map.Entry<SubjectRef, KeyTables.DataKeyRow> e : rows.entrySet()) {
            SubjectKey key = new SubjectKey(tenant, e.getKey());
            boolean committed = mine == null || !mine.contains(key);
            CachedDataKey cached = dataKeys.get(key);
            if (cached != null && Arrays.equals(cached.wrapped(), e.getValue().wrapped())) {
                if (committed && !cached.committed()) {
                    dataKeys.put(key, new CachedDataKey(cached.wrapped(), cached.aead(), true));
                }
                out.put(e.getKey(), cached.aead());
                continue;
            }
            try {
                out.put(e.getKey(), sql("unwrap data key", () -> unwrapAndCache(tx, key, e.getValue(), committed)));
            } catch (SubjectErased erasedMeanwhile) {
                // left out: encrypting for this subject is refused
            }
        }
        return out;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Creates and inserts keys for subjects that had none (in {@code c}, a transaction of the
     * module's own); reads back those the insert does not report as its own: a concurrent
     * transaction may have created one first (its committed row wins and goes into
     * {@code existing}), or an erasure removed it (left out).
     * The answer is cached by the caller only once {@code c} committed.
     */
    private Map<SubjectRef, CachedDataKey> createDataKeys(Connection c, TenantId tenant, List<SubjectRef> missing,
            Map<SubjectRef, KeyTables.DataKeyRow> existing) throws SQLException, GeneralSecurityException {
        KeyTables.TenantRow t = KeyTables.findTenant(c, tenant).orElseThrow(() -> new TenantUnknown(tenant));
        Aead kek = keks.get(c, tenant, t.currentKek());
        Map<SubjectRef, byte[]> wrapped = new LinkedHashMap<>();
        Map<SubjectRef, Aead> fresh = new HashMap<>();
        for (SubjectRef subject : missing) {
            KeysetHandle key = Tinks.newAesGcmKeyset();
            wrapped.put(subject, Tinks.wrap(key, kek, Aad.dataKey(tenant, subject)));
            fresh.put(subject, Tinks.aead(key));
        }
        // The keys are used only by the caller's transaction, whose own durable commit flushes them too.
        KeyTables.commitWithoutWaitingForFlush(c);
        Optional<java.util.Set<SubjectRef>> inserted = KeyTables.insertDataKeysIfAbsent(c, tenant, t.currentKek(),
                wrapped, clock.instant());
        Map<SubjectRef, CachedDataKey> created = new HashMap<>();
        List<SubjectRef> readBack = new ArrayList<>();
        for (SubjectRef subject : missing) {
            if (inserted.isPresent() && inserted.get().contains(subject) && !journal.isErased(tenant, subject)) {
                created.put(subject, new CachedDataKey(wrapped.get(subject), fresh.get(subject), true));
            } else if (inserted.isEmpty() || !inserted.get().contains(subject)) {
                readBack.add(subject);
            }
        }
        for (Map.Entry<SubjectRef, KeyTables.DataKeyRow> e : KeyTables.findDataKeys(c, tenant, readBack).entrySet()) {
            SubjectRef subject = e.getKey();
            if (Arrays.equals(e.getValue().wrapped(), wrapped.get(subject)) && !journal.isErased(tenant, subject)) {
                created.put(subject, new CachedDataKey(e.getValue().wrapped(), fresh.get(subject), true));
            } else {
                existing.put(subject, e.getValue());
            }
        }
        return created;
    }

    /** The subject's data key for decrypting, or empty when no key exists for the subject. */
    Optional<Aead> dataKeyForDecryption(Connection c, TenantId tenant, SubjectRef subject) {
        refuseErased(tenant, subject);
        SubjectKey key = new SubjectKey(tenant, subject);
        CachedDataKey cached = dataKeys.get(key);
        if (cached != null) {
            return Optional.of(cached.aead());
        }
        return sql("get data key", () -> {
            Optional<KeyTables.DataKeyRow> row = KeyTables.findDataKey(c, tenant, subject);
            return row.isEmpty() ? Optional.<Aead>empty() : Optional.of(unwrapAndCache(c, key, row.get(), false));
        });
    }

    private Aead unwrapAndCache(Connection c, SubjectKey key, KeyTables.DataKeyRow row, boolean committed)
            throws SQLException, GeneralSecurityException {
        Aead kek = keks.get(c, key.tenant(), row.kekVersion());
        Aead aead = Tinks.aead(Tinks.unwrap(row.wrapped(), kek, Aad.dataKey(key.tenant(), key.subject())));
        // The journal is checked again: an erasure may have happened while the key was loaded.
        refuseErased(key.tenant(), key.subject());
        dataKeys.put(key, new CachedDataKey(row.wrapped(), aead, committed));
        return aead;
    }

    void refuseErased(TenantId tenant, SubjectRef subject) {
        refuseErasedTenant(tenant);
        if (journal.isErased(tenant, subject)) {
            throw new SubjectErased(tenant, subject);
        }
    }

    private void refuseErasedTenant(TenantId tenant) {
        if (journal.isTenantErased(tenant)) {
            throw new TenantErased(tenant);
        }
    }

    TenantKeks keks() {
        return keks;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Clock clock() {
        return clock;
    }

    int cachedDataKeys() {
        return dataKeys.size();
    }

    <T> T withConnection(java.util.function.Function<Connection, T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new KeyStoreFailure("cannot connect to the key store", e);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException, GeneralSecurityException;
    }

    static <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new KeyStoreFailure(what + " failed", e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure(what + ": stored key material does not parse or unwrap", e);
        }
    }

    @Override
    public String toString() {
        return "KeyHierarchy[" + keks.master().describe() + ", " + journal + "]";
    }
}
