package dev.steward.keys;

import com.google.crypto.tink.Aead;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;

/**
 * Online key rotation by re-wrapping; payloads are never re-encrypted and nothing stops.
 *
 * <h2>Tenant KEK</h2>
 * {@link #rotateTenantKek} makes a new KEK version current (new data keys are wrapped under it
 * at once; the pseudonymisation key is re-wrapped in the same transaction), then
 * {@link #rewrapDataKeys} moves existing data keys over in short batches. Readers keep working
 * throughout: each data key row names the KEK version that wraps it, and older versions stay
 * until {@link #retireTenantKek} - which refuses while any key is still wrapped by them.
 * Retire only once transactions that began before the rotation have ended.
 *
 * <h2>Master key</h2>
 * {@link #rotateMasterKey} asks the {@link MasterKeyService} for a new version and re-wraps every
 * live KEK under it; {@link #retireMasterKeyVersion} refuses while a KEK is still wrapped by the
 * version. This scans all tenants: run it with a connection allowed to see them (on PostgreSQL
 * with row-level security, a role that bypasses it).
 */
public final class KeyRotation {

    private static final int BATCH = 500;

    private final KeyHierarchy keys;

    public KeyRotation(KeyHierarchy keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Rotates the tenant's KEK and re-wraps all its data keys; safe to run again after a crash. */
    public RotationReport rotateTenantKekAndRewrap(TenantId tenant) {
        KeyVersion version = rotateTenantKek(tenant);
        int total = 0;
        int n;
        while ((n = rewrapDataKeys(tenant, BATCH)) > 0) {
            total += n;
        }
        return new RotationReport(tenant, version, total);
    }

    /** Creates and makes current a new KEK version (one short transaction); returns it. */
    public KeyVersion rotateTenantKek(TenantId tenant) {
        return Transactions.inTransaction(keys.dataSource(), "rotate KEK of tenant " + tenant,
                c -> KeyHierarchy.sql("rotate KEK", () -> {
                    refuseErased(tenant);
                    KeyTables.TenantRow row = KeyTables.findTenant(c, tenant)
                            .orElseThrow(() -> new TenantUnknown(tenant));
                    KeyVersion next = KeyTables.maxKekVersion(c, tenant).next();
                    Aead newKek = keys.keks().create(c, tenant, next, keys.clock().instant());
                    Aead oldKek = keys.keks().get(c, tenant, row.pseudonymKek());
                    byte[] pseudonymKey = Tinks.wrap(
                            Tinks.unwrap(row.pseudonymKey(), oldKek, Aad.pseudonymKey(tenant)), newKek,
                            Aad.pseudonymKey(tenant));
                    KeyTables.updateTenantKeks(c, tenant, next, pseudonymKey);
                    return next;
                }));
    }

    /**
     * Re-wraps up to {@code batchSize} data keys still under an older KEK version, in one
     * transaction; returns how many it moved (0 when done).
     */
    public int rewrapDataKeys(TenantId tenant, int batchSize) {
        return Transactions.inTransaction(keys.dataSource(), "re-wrap data keys of tenant " + tenant,
                c -> KeyHierarchy.sql("re-wrap data keys", () -> {
                    refuseErased(tenant);
                    KeyVersion current = KeyTables.findTenant(c, tenant)
                            .orElseThrow(() -> new TenantUnknown(tenant)).currentKek();
                    Aead newKek = keys.keks().get(c, tenant, current);
                    int moved = 0;
                    for (KeyTables.DataKeyEntry e : KeyTables.dataKeysBelow(c, tenant, current, batchSize)) {
                        byte[] aad = Aad.dataKey(tenant, e.subject());
                        Aead oldKek = keys.keks().get(c, tenant, e.kekVersion());
                        byte[] wrapped = Tinks.wrap(Tinks.unwrap(e.wrapped(), oldKek, aad), newKek, aad);
                        moved += KeyTables.rewrapDataKey(c, tenant, e, current, wrapped);
                    }
                    return moved;
                }));
    }

    /** Forgets an old KEK version; {@link KeyVersionInUse} if it is current or still wraps a data key. */
    public void retireTenantKek(TenantId tenant, KeyVersion version) {
        Transactions.inTransaction(keys.dataSource(), "retire KEK " + version + " of tenant " + tenant,
                c -> KeyHierarchy.sql("retire KEK", () -> {
                    KeyTables.TenantRow row = KeyTables.findTenant(c, tenant)
                            .orElseThrow(() -> new TenantUnknown(tenant));
                    if (row.currentKek().equals(version) || row.pseudonymKek().equals(version)) {
                        throw new KeyVersionInUse("KEK " + version + " of tenant " + tenant + " is current");
                    }
                    long inUse = KeyTables.countDataKeysUnder(c, tenant, version);
                    if (inUse > 0) {
                        throw new KeyVersionInUse("KEK " + version + " of tenant " + tenant + " still wraps "
                                + inUse + " data keys; re-wrap them first");
                    }
                    KeyTables.retireKek(c, tenant, version, keys.clock().instant());
                    keys.keks().evict(tenant, version);
                    return null;
                }));
    }

    /** Rotates the master key and re-wraps every KEK under the new version; returns that version. */
    public String rotateMasterKey() {
        String version = keys.keks().master().rotate();
        rewrapKeksUnderCurrentMasterKey();
        return version;
    }

    /**
     * Re-wraps every live KEK not yet under the master key's current version (for a master key
     * rotated outside the process, such as a new {@code STEWARD_MASTER_KEY}); returns the count.
     */
    public int rewrapKeksUnderCurrentMasterKey() {
        String current = keys.keks().master().currentVersion();
        int total = 0;
        while (true) {
            int moved = Transactions.inTransaction(keys.dataSource(), "re-wrap KEKs",
                    c -> KeyHierarchy.sql("re-wrap KEKs", () -> rewrapBatch(c, current)));
            if (moved == 0) {
                return total;
            }
            total += moved;
        }
    }

    /** Forgets a master key version; {@link KeyVersionInUse} if it still wraps a KEK or is current. */
    public void retireMasterKeyVersion(String version) {
        MasterKeyService master = keys.keks().master();
        if (master.currentVersion().equals(version)) {
            throw new KeyVersionInUse("master key version " + version + " is current");
        }
        long inUse = keys.withConnection(c -> KeyHierarchy.sql("count KEKs",
                () -> KeyTables.countKeksUnder(c, version)));
        if (inUse > 0) {
            throw new KeyVersionInUse("master key version " + version + " still wraps " + inUse
                    + " key-encryption keys; re-wrap them first");
        }
        master.retire(version);
    }

    private int rewrapBatch(Connection c, String current) throws java.sql.SQLException {
        List<KeyTables.KekEntry> entries = KeyTables.keksNotUnder(c, current, BATCH);
        int moved = 0;
        for (KeyTables.KekEntry entry : entries) {
            moved += keys.keks().rewrap(c, entry) ? 1 : 0;
        }
        return moved;
    }

    private void refuseErased(TenantId tenant) {
        if (keys.journal().isTenantErased(tenant)) {
            throw new TenantErased(tenant);
        }
    }
}
