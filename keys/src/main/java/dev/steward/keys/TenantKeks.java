package dev.steward.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;

/** Tenant key-encryption keys: creation under the master key, and unwrapping through a bounded cache. */
final class TenantKeks {

    private record KekId(TenantId tenant, KeyVersion version) {
    }

    private final MasterKeyService master;
    private final LruCache<KekId, Aead> cache;

    TenantKeks(MasterKeyService master, int cacheSize) {
        this.master = master;
        this.cache = new LruCache<>(cacheSize);
    }

    /** Generates a KEK version, stores it wrapped by the master key, and returns its primitive. */
    Aead create(Connection c, TenantId tenant, KeyVersion version, Instant now)
            throws SQLException, GeneralSecurityException {
        KeysetHandle handle = Tinks.newAesGcmKeyset();
        byte[] secret = Tinks.serializeSecretDangerously(handle);
        WrappedKeyset wrapped;
        try {
            wrapped = master.wrap(secret, Aad.kek(tenant, version));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        KeyTables.insertKek(c, tenant, version, wrapped, now);
        // Not cached: the transaction may still roll back; the first use after commit loads it.
        return Tinks.aead(handle);
    }

    /** The KEK of that version, unwrapped by the master key on a cache miss. */
    Aead get(Connection c, TenantId tenant, KeyVersion version) throws SQLException, GeneralSecurityException {
        KekId id = new KekId(tenant, version);
        Aead cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        KeyTables.KekRow row = KeyTables.findKek(c, tenant, version).orElseThrow(() -> new TenantUnknown(tenant));
        if (row.wrapped() == null) {
            throw new KeyVersionRetired("key-encryption key " + version + " of tenant " + tenant + " is retired");
        }
        byte[] secret = master.unwrapSecret(new WrappedKeyset(row.masterVersion(), row.wrapped()),
                Aad.kek(tenant, version));
        Aead aead = Tinks.aead(Tinks.parseSecretAndWipe(secret));
        cache.put(id, aead);
        return aead;
    }

    /** Re-wraps one KEK under the master key's current version; false if it changed meanwhile. */
    boolean rewrap(Connection c, KeyTables.KekEntry entry) throws SQLException {
        byte[] aad = Aad.kek(entry.tenant(), entry.version());
        byte[] secret = master.unwrapSecret(new WrappedKeyset(entry.masterVersion(), entry.wrapped()), aad);
        try {
            return KeyTables.rewrapKek(c, entry, master.wrap(secret, aad)) == 1;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    void evict(TenantId tenant, KeyVersion version) {
        cache.remove(new KekId(tenant, version));
    }

    void evictTenant(TenantId tenant) {
        cache.removeIf(id -> id.tenant().equals(tenant));
    }

    MasterKeyService master() {
        return master;
    }
}
