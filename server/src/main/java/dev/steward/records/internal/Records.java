package dev.steward.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.records.Purpose;
import dev.steward.records.RecordInfo;
import dev.steward.records.RecordSource;

/** The records tables in explicit SQL. Every statement names the tenant. */
@Repository
public class Records {

    /** A stored row: what is known in clear, and the ciphertext. */
    public record Row(UUID tenantId, RecordInfo info, byte[] payload) {
    }

    /** A superseded version. */
    public record VersionRow(int version, String category, RecordSource source, Purpose purpose, Instant writtenAt,
            String writtenBy, byte[] payload) {
    }

    private static final String COLUMNS = "tenant_id, record_id, subject_ref, category, source, purpose, version, payload,"
            + " created_at, created_by, updated_at, updated_by";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Records(JdbcClient jdbc, JdbcTemplate batch) {
        this.batch = batch;
        this.jdbc = jdbc;
    }

    /** A new record and its payload, for {@link #insertAll} (the one insert of new records). */
    public record NewRow(RecordInfo info, byte[] payload) {
    }

    /** Inserts many new records of one tenant as one JDBC batch. */
    public void insertAll(UUID tenant, List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> params = new ArrayList<>(rows.size());
        for (NewRow row : rows) {
            RecordInfo r = row.info();
            params.add(new Object[] {tenant, r.id(), r.subjectRef(), r.category(), r.source().name(), r.purpose().name(),
                    r.version(), row.payload(), utc(r.createdAt()), r.createdBy(), utc(r.updatedAt()), r.updatedBy()});
        }
        batch.batchUpdate("INSERT INTO records (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", params);
    }

    /** Which of {@code recordIds} exist already, in one query. */
    public Set<UUID> existing(UUID tenant, Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(recordIds.size() + 1);
        params.add(tenant);
        params.addAll(recordIds);
        String marks = String.join(",", Collections.nCopies(recordIds.size(), "?"));
        return new HashSet<>(jdbc.sql("SELECT record_id FROM records WHERE tenant_id = ? AND record_id IN (" + marks + ")")
                .params(params).query(UUID.class).list());
    }

    public Optional<Row> find(UUID tenant, UUID recordId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND record_id = ?")
                .params(tenant, recordId).query(Records::row).optional();
    }

    /** Locks the row for a correction. */
    public Optional<Row> findForUpdate(UUID tenant, UUID recordId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND record_id = ? FOR UPDATE")
                .params(tenant, recordId).query(Records::row).optional();
    }

    /** Moves the current version to the history and writes the new one, if the row is still at {@code from}. */
    public boolean replace(UUID tenant, Row current, RecordInfo next, byte[] payload) {
        RecordInfo c = current.info();
        int updated = jdbc.sql("UPDATE records SET category = ?, purpose = ?, version = ?, payload = ?, updated_at = ?,"
                + " updated_by = ? WHERE tenant_id = ? AND record_id = ? AND version = ?")
                .params(next.category(), next.purpose().name(), next.version(), payload, utc(next.updatedAt()), next.updatedBy(),
                        tenant, c.id(), c.version())
                .update();
        if (updated != 1) {
            return false;
        }
        jdbc.sql("INSERT INTO record_versions (tenant_id, record_id, version, subject_ref, category, source, purpose,"
                + " payload, written_at, written_by) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(tenant, c.id(), c.version(), c.subjectRef(), c.category(), c.source().name(), c.purpose().name(),
                        current.payload(), utc(c.updatedAt()), c.updatedBy())
                .update();
        return true;
    }

    public List<VersionRow> versions(UUID tenant, UUID recordId) {
        return jdbc.sql("SELECT version, category, source, purpose, written_at, written_by, payload FROM record_versions"
                + " WHERE tenant_id = ? AND record_id = ? ORDER BY version")
                .params(tenant, recordId)
                .query((rs, n) -> new VersionRow(rs.getInt(1), rs.getString(2), RecordSource.valueOf(rs.getString(3)),
                        new Purpose(rs.getString(4)), instant(rs, 5), rs.getString(6), rs.getBytes(7)))
                .list();
    }

    public boolean delete(UUID tenant, UUID recordId) {
        jdbc.sql("DELETE FROM record_versions WHERE tenant_id = ? AND record_id = ?").params(tenant, recordId).update();
        return jdbc.sql("DELETE FROM records WHERE tenant_id = ? AND record_id = ?").params(tenant, recordId).update() == 1;
    }

    public List<Row> ofSubject(UUID tenant, String subjectRef, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND subject_ref = ?"
                + " ORDER BY created_at, record_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(tenant, subjectRef, offset, limit).query(Records::row).list();
    }

    /** Every record of one subject, oldest first, in one query (a report of all its data). */
    public List<Row> allOfSubject(UUID tenant, String subjectRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND subject_ref = ?"
                + " ORDER BY created_at, record_id").params(tenant, subjectRef).query(Records::row).list();
    }

    public long countOfSubject(UUID tenant, String subjectRef) {
        return jdbc.sql("SELECT COUNT(*) FROM records WHERE tenant_id = ? AND subject_ref = ?")
                .params(tenant, subjectRef).query(Long.class).single();
    }

    public boolean subjectHasRecords(UUID tenant, String subjectRef) {
        return !jdbc.sql("SELECT record_id FROM records WHERE tenant_id = ? AND subject_ref = ? FETCH FIRST 1 ROWS ONLY")
                .params(tenant, subjectRef).query(UUID.class).list().isEmpty();
    }

    public List<Row> ofCategory(UUID tenant, String category, Instant from, Instant to, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND category = ? AND created_at >= ?"
                + " AND created_at < ? ORDER BY created_at, record_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(tenant, category, utc(from), utc(to), offset, limit).query(Records::row).list();
    }

    public long countOfCategory(UUID tenant, String category, Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM records WHERE tenant_id = ? AND category = ? AND created_at >= ?"
                + " AND created_at < ?").params(tenant, category, utc(from), utc(to)).query(Long.class).single();
    }

    /** Records after {@code afterId} (from the first when null) in id order, for streaming exports in chunks. */
    public List<Row> chunkOfSubject(UUID tenant, String subjectRef, UUID afterId, int limit) {
        return chunk("subject_ref", tenant, subjectRef, afterId, limit);
    }

    public List<Row> chunkOfCategory(UUID tenant, String category, UUID afterId, int limit) {
        return chunk("category", tenant, category, afterId, limit);
    }

    private List<Row> chunk(String column, UUID tenant, String value, UUID afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM records WHERE tenant_id = ? AND " + column + " = ?"
                + (afterId == null ? "" : " AND record_id > ?") + " ORDER BY record_id FETCH FIRST ? ROWS ONLY";
        var spec = jdbc.sql(sql);
        return (afterId == null ? spec.params(tenant, value, limit) : spec.params(tenant, value, afterId, limit))
                .query(Records::row).list();
    }

    // --- erasure purge: rows whose subject has no data key any more are crypto-shredded garbage

    /**
     * Subjects (tenant, pseudonym) that have rows but no data key (erased), or whose tenant has no
     * keys any more (the tenant was deleted: its wrapped data keys stay until the journal replay,
     * but nothing can unwrap them). A tenant's keys exist before its first record, so a tenant
     * without keys that has rows was crypto-shredded.
     */
    public List<String[]> orphanedSubjects(int limit) {
        return jdbc.sql("SELECT DISTINCT r.tenant_id, r.subject_ref FROM records r WHERE NOT EXISTS (SELECT 1 FROM"
                + " keys_data_key k WHERE k.tenant_id = r.tenant_id AND k.subject_ref = r.subject_ref)"
                + " OR NOT EXISTS (SELECT 1 FROM keys_tenant kt WHERE kt.tenant_id = r.tenant_id)"
                + " FETCH FIRST ? ROWS ONLY")
                .param(limit).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
    }

    public List<String[]> orphanedVersionSubjects(int limit) {
        return jdbc.sql("SELECT DISTINCT v.tenant_id, v.subject_ref FROM record_versions v WHERE NOT EXISTS (SELECT 1"
                + " FROM keys_data_key k WHERE k.tenant_id = v.tenant_id AND k.subject_ref = v.subject_ref)"
                + " OR NOT EXISTS (SELECT 1 FROM keys_tenant kt WHERE kt.tenant_id = v.tenant_id)"
                + " FETCH FIRST ? ROWS ONLY")
                .param(limit).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
    }

    /** Deletes the subject's records (and their versions) but those in {@code keep}; the number of records deleted. */
    public int deleteSubjectExcept(UUID tenant, String subjectRef, Collection<UUID> keep) {
        String notKept = keep.isEmpty() ? "" : " AND record_id NOT IN (" + String.join(", ",
                Collections.nCopies(keep.size(), "?")) + ")";
        List<Object> params = new ArrayList<>(List.of(tenant, subjectRef));
        params.addAll(keep);
        jdbc.sql("DELETE FROM record_versions WHERE tenant_id = ? AND subject_ref = ?" + notKept).params(params).update();
        return jdbc.sql("DELETE FROM records WHERE tenant_id = ? AND subject_ref = ?" + notKept).params(params).update();
    }

    public int purgeSubject(UUID tenant, String subjectRef) {
        // the flags of a subject that no longer exists say nothing any more
        jdbc.sql("DELETE FROM subject_flags WHERE tenant_id = ? AND subject_ref = ?").params(tenant, subjectRef).update();
        int versions = jdbc.sql("DELETE FROM record_versions WHERE tenant_id = ? AND subject_ref = ?")
                .params(tenant, subjectRef).update();
        return versions + jdbc.sql("DELETE FROM records WHERE tenant_id = ? AND subject_ref = ?")
                .params(tenant, subjectRef).update();
    }

    /** The category settings of a tenant whose keys were destroyed (not personal data, but of no use any more). */
    public int purgeCategoriesOfShreddedTenants() {
        return jdbc.sql("DELETE FROM record_categories WHERE NOT EXISTS (SELECT 1 FROM keys_tenant kt"
                + " WHERE kt.tenant_id = record_categories.tenant_id) AND EXISTS (SELECT 1 FROM keys_erasure e"
                + " WHERE e.tenant_id = record_categories.tenant_id AND e.kind = 'TENANT')").update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID tenant = rs.getObject("tenant_id", UUID.class);
        RecordInfo info = new RecordInfo(rs.getObject("record_id", UUID.class), rs.getString("subject_ref"),
                rs.getString("category"), RecordSource.valueOf(rs.getString("source")), new Purpose(rs.getString("purpose")),
                rs.getInt("version"), instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
                rs.getString("updated_by"));
        return new Row(tenant, info, rs.getBytes("payload"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
