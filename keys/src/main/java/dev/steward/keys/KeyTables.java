package dev.steward.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every SQL statement of the module, over an explicit connection that it never commits, rolls back
 * or closes. Runs on H2 2.x and PostgreSQL 15+; the one difference (insert-if-absent) is chosen
 * from the connection's metadata.
 */
final class KeyTables {

    /** Subjects per {@code IN (...)} query: well below every driver's parameter limit. */
    static final int IN_LIST = 500;

    /** H2 has no ON CONFLICT; its MERGE inserts only the rows that are not there. */
    private static final String H2_MERGE_DATA_KEY = "MERGE INTO keys_data_key d USING (VALUES (CAST(? AS UUID), "
            + "CAST(? AS VARCHAR(64)), CAST(? AS INTEGER), CAST(? AS BYTEA), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "s(tenant_id, subject_ref, kek_version, wrapped_key, created_at) "
            + "ON d.tenant_id = s.tenant_id AND d.subject_ref = s.subject_ref "
            + "WHEN NOT MATCHED THEN INSERT (tenant_id, subject_ref, kek_version, wrapped_key, created_at) "
            + "VALUES (s.tenant_id, s.subject_ref, s.kek_version, s.wrapped_key, s.created_at)";

    private KeyTables() {
    }

    record TenantRow(KeyVersion currentKek, KeyVersion pseudonymKek, byte[] pseudonymKey) {
    }

    record KekRow(KeyVersion version, String masterVersion, byte[] wrapped) {
    }

    record DataKeyRow(KeyVersion kekVersion, byte[] wrapped) {
    }

    record DataKeyEntry(SubjectRef subject, KeyVersion kekVersion, byte[] wrapped) {
    }

    record KekEntry(TenantId tenant, KeyVersion version, String masterVersion, byte[] wrapped) {
    }

    // --- tenants -------------------------------------------------------------------------------

    static Optional<TenantRow> findTenant(Connection c, TenantId tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_kek_version, pseudonym_kek_version, "
                + "pseudonym_key FROM keys_tenant WHERE tenant_id = ?")) {
            ps.setObject(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TenantRow(new KeyVersion(rs.getInt(1)),
                        new KeyVersion(rs.getInt(2)), rs.getBytes(3))) : Optional.empty();
            }
        }
    }

    static void insertTenant(Connection c, TenantId tenant, KeyVersion kek, byte[] pseudonymKey, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO keys_tenant (tenant_id, current_kek_version, "
                + "pseudonym_kek_version, pseudonym_key, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, tenant.value());
            ps.setInt(2, kek.value());
            ps.setInt(3, kek.value());
            ps.setBytes(4, pseudonymKey);
            ps.setObject(5, timestamp(now));
            ps.executeUpdate();
        }
    }

    static void updateTenantKeks(Connection c, TenantId tenant, KeyVersion current, byte[] pseudonymKey)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE keys_tenant SET current_kek_version = ?, "
                + "pseudonym_kek_version = ?, pseudonym_key = ? WHERE tenant_id = ?")) {
            ps.setInt(1, current.value());
            ps.setInt(2, current.value());
            ps.setBytes(3, pseudonymKey);
            ps.setObject(4, tenant.value());
            ps.executeUpdate();
        }
    }

    /** Deletes the tenant's KEKs and pseudonymisation key: a handful of rows, whatever the data. */
    static void deleteTenantKeys(Connection c, TenantId tenant) throws SQLException {
        update(c, "DELETE FROM keys_tenant_kek WHERE tenant_id = ?", tenant);
        update(c, "DELETE FROM keys_tenant WHERE tenant_id = ?", tenant);
    }

    /** Deletes the data keys left unreadable by a tenant erasure. Grows with the tenant's subjects. */
    static int deleteAllDataKeys(Connection c, TenantId tenant) throws SQLException {
        return update(c, "DELETE FROM keys_data_key WHERE tenant_id = ?", tenant);
    }

    // --- key-encryption keys -------------------------------------------------------------------

    static void insertKek(Connection c, TenantId tenant, KeyVersion version, WrappedKeyset wrapped, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO keys_tenant_kek (tenant_id, kek_version, "
                + "master_version, wrapped_kek, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setObject(1, tenant.value());
            ps.setInt(2, version.value());
            ps.setString(3, wrapped.masterVersion());
            ps.setBytes(4, wrapped.ciphertext());
            ps.setObject(5, timestamp(now));
            ps.executeUpdate();
        }
    }

    static Optional<KekRow> findKek(Connection c, TenantId tenant, KeyVersion version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT master_version, wrapped_kek FROM keys_tenant_kek "
                + "WHERE tenant_id = ? AND kek_version = ?")) {
            ps.setObject(1, tenant.value());
            ps.setInt(2, version.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new KekRow(version, rs.getString(1), rs.getBytes(2)))
                        : Optional.empty();
            }
        }
    }

    static KeyVersion maxKekVersion(Connection c, TenantId tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(kek_version) FROM keys_tenant_kek WHERE tenant_id = ?")) {
            ps.setObject(1, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int max = rs.getInt(1);
                return rs.wasNull() ? null : new KeyVersion(max);
            }
        }
    }

    /** Marks a version retired and forgets its key. */
    static void retireKek(Connection c, TenantId tenant, KeyVersion version, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE keys_tenant_kek SET wrapped_kek = NULL, "
                + "retired_at = ? WHERE tenant_id = ? AND kek_version = ?")) {
            ps.setObject(1, timestamp(now));
            ps.setObject(2, tenant.value());
            ps.setInt(3, version.value());
            ps.executeUpdate();
        }
    }

    /** Live KEKs (of every tenant) wrapped by another master version than {@code current}. */
    static List<KekEntry> keksNotUnder(Connection c, String current, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tenant_id, kek_version, master_version, wrapped_kek "
                + "FROM keys_tenant_kek WHERE wrapped_kek IS NOT NULL AND master_version <> ? "
                + "ORDER BY tenant_id, kek_version")) {
            ps.setString(1, current);
            ps.setMaxRows(limit);
            List<KekEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new KekEntry(new TenantId(rs.getObject(1, UUID.class)), new KeyVersion(rs.getInt(2)),
                            rs.getString(3), rs.getBytes(4)));
                }
            }
            return rows;
        }
    }

    static int rewrapKek(Connection c, KekEntry old, WrappedKeyset wrapped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE keys_tenant_kek SET master_version = ?, "
                + "wrapped_kek = ? WHERE tenant_id = ? AND kek_version = ? AND master_version = ?")) {
            ps.setString(1, wrapped.masterVersion());
            ps.setBytes(2, wrapped.ciphertext());
            ps.setObject(3, old.tenant().value());
            ps.setInt(4, old.version().value());
            ps.setString(5, old.masterVersion());
            return ps.executeUpdate();
        }
    }

    static long countKeksUnder(Connection c, String masterVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM keys_tenant_kek "
                + "WHERE master_version = ? AND wrapped_kek IS NOT NULL")) {
            ps.setString(1, masterVersion);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- data keys -----------------------------------------------------------------------------

    static Optional<DataKeyRow> findDataKey(Connection c, TenantId tenant, SubjectRef subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kek_version, wrapped_key FROM keys_data_key "
                + "WHERE tenant_id = ? AND subject_ref = ?")) {
            ps.setObject(1, tenant.value());
            ps.setString(2, subject.hmac());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new DataKeyRow(new KeyVersion(rs.getInt(1)), rs.getBytes(2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Inserts unless a row exists. Concurrent creators for one subject must not fail the caller's
     * transaction (on PostgreSQL any error aborts it), hence no catch-the-duplicate here.
     */
    static void insertDataKeyIfAbsent(Connection c, TenantId tenant, SubjectRef subject, KeyVersion kek,
            byte[] wrapped, Instant now) throws SQLException {
        insertDataKeysIfAbsent(c, tenant, kek, Map.of(subject, wrapped), now);
    }

    /** The data-key rows of many subjects of one tenant, in queries of at most {@value #IN_LIST} subjects. */
    static Map<SubjectRef, DataKeyRow> findDataKeys(Connection c, TenantId tenant, List<SubjectRef> subjects)
            throws SQLException {
        Map<SubjectRef, DataKeyRow> found = new HashMap<>();
        for (int from = 0; from < subjects.size(); from += IN_LIST) {
            List<SubjectRef> part = subjects.subList(from, Math.min(subjects.size(), from + IN_LIST));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT subject_ref, kek_version, wrapped_key FROM "
                    + "keys_data_key WHERE tenant_id = ? AND subject_ref IN (" + marks + ")")) {
                ps.setObject(1, tenant.value());
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 2, part.get(i).hmac());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(new SubjectRef(rs.getString(1)),
                                new DataKeyRow(new KeyVersion(rs.getInt(2)), rs.getBytes(3)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * {@link #insertDataKeyIfAbsent} for many subjects. On PostgreSQL one multi-row statement per
     * {@value #IN_LIST} subjects answers which rows it inserted; elsewhere (a JDBC batch of MERGEs)
     * the answer is empty: read the rows back to know.
     */
    static Optional<Set<SubjectRef>> insertDataKeysIfAbsent(Connection c, TenantId tenant, KeyVersion kek,
            Map<SubjectRef, byte[]> wrapped, Instant now) throws SQLException {
        if (!isPostgres(c)) {
            try (PreparedStatement ps = c.prepareStatement(H2_MERGE_DATA_KEY)) {
                for (Map.Entry<SubjectRef, byte[]> e : wrapped.entrySet()) {
                    ps.setObject(1, tenant.value());
                    ps.setString(2, e.getKey().hmac());
                    ps.setInt(3, kek.value());
                    ps.setBytes(4, e.getValue());
                    ps.setObject(5, timestamp(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return Optional.empty();
        }
        Set<SubjectRef> inserted = new HashSet<>();
        List<Map.Entry<SubjectRef, byte[]>> rows = new ArrayList<>(wrapped.entrySet());
        for (int from = 0; from < rows.size(); from += IN_LIST) {
            List<Map.Entry<SubjectRef, byte[]>> part = rows.subList(from, Math.min(rows.size(), from + IN_LIST));
            String values = String.join(",", java.util.Collections.nCopies(part.size(), "(?, ?, ?, ?, ?)"));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO keys_data_key (tenant_id, subject_ref, "
                    + "kek_version, wrapped_key, created_at) VALUES " + values
                    + " ON CONFLICT (tenant_id, subject_ref) DO NOTHING RETURNING subject_ref")) {
                int p = 1;
                for (Map.Entry<SubjectRef, byte[]> e : part) {
                    ps.setObject(p++, tenant.value());
                    ps.setString(p++, e.getKey().hmac());
                    ps.setInt(p++, kek.value());
                    ps.setBytes(p++, e.getValue());
                    ps.setObject(p++, timestamp(now));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(new SubjectRef(rs.getString(1)));
                    }
                }
            }
        }
        return Optional.of(inserted);
    }

    /**
     * Lets the current transaction commit without waiting for its WAL flush (PostgreSQL). Only for
     * rows nothing depends on until a later, durable commit uses them: that commit flushes the WAL
     * up to itself, this transaction's rows included.
     */
    static void commitWithoutWaitingForFlush(Connection c) throws SQLException {
        if (isPostgres(c)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET LOCAL synchronous_commit TO OFF");
            }
        }
    }

    static int deleteDataKey(Connection c, TenantId tenant, SubjectRef subject) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM keys_data_key WHERE tenant_id = ? AND subject_ref = ?")) {
            ps.setObject(1, tenant.value());
            ps.setString(2, subject.hmac());
            return ps.executeUpdate();
        }
    }

    static List<DataKeyEntry> dataKeysBelow(Connection c, TenantId tenant, KeyVersion current, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT subject_ref, kek_version, wrapped_key "
                + "FROM keys_data_key WHERE tenant_id = ? AND kek_version < ? ORDER BY subject_ref")) {
            ps.setObject(1, tenant.value());
            ps.setInt(2, current.value());
            ps.setMaxRows(limit);
            List<DataKeyEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DataKeyEntry(new SubjectRef(rs.getString(1)), new KeyVersion(rs.getInt(2)),
                            rs.getBytes(3)));
                }
            }
            return rows;
        }
    }

    static int rewrapDataKey(Connection c, TenantId tenant, DataKeyEntry old, KeyVersion kek, byte[] wrapped)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE keys_data_key SET kek_version = ?, wrapped_key = ? "
                + "WHERE tenant_id = ? AND subject_ref = ? AND kek_version = ?")) {
            ps.setInt(1, kek.value());
            ps.setBytes(2, wrapped);
            ps.setObject(3, tenant.value());
            ps.setString(4, old.subject().hmac());
            ps.setInt(5, old.kekVersion().value());
            return ps.executeUpdate();
        }
    }

    static long countDataKeysUnder(Connection c, TenantId tenant, KeyVersion kek) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ? AND kek_version = ?")) {
            ps.setObject(1, tenant.value());
            ps.setInt(2, kek.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- erasure copy --------------------------------------------------------------------------

    static boolean erasureRecorded(Connection c, ErasureReceipt receipt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM keys_erasure WHERE tenant_id = ? AND receipt_id = ?")) {
            ps.setObject(1, receipt.tenant().value());
            ps.setObject(2, receipt.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void insertErasure(Connection c, ErasureReceipt receipt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO keys_erasure (tenant_id, receipt_id, kind, "
                + "subject_ref, erased_at, journal_hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, receipt.tenant().value());
            ps.setObject(2, receipt.id());
            ps.setString(3, receipt.kind().name());
            ps.setString(4, receipt.subject() == null ? null : receipt.subject().hmac());
            ps.setObject(5, timestamp(receipt.erasedAt()));
            ps.setString(6, receipt.journalHash());
            ps.executeUpdate();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static int update(Connection c, String sql, TenantId tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant.value());
            return ps.executeUpdate();
        }
    }

    private static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
