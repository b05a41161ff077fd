package dev.steward.records.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.records.ProcessingFlags;

/** The {@code subject_flags} table: one row per subject whose flags were ever set. */
@Repository
public class SubjectFlagRows {

    private final JdbcClient jdbc;

    SubjectFlagRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ProcessingFlags> find(UUID tenant, String subjectRef) {
        return jdbc.sql("SELECT restricted_at, objected_at FROM subject_flags WHERE tenant_id = ? AND subject_ref = ?")
                .params(tenant, subjectRef)
                .query((rs, n) -> new ProcessingFlags(instant(rs.getObject("restricted_at", OffsetDateTime.class)),
                        instant(rs.getObject("objected_at", OffsetDateTime.class))))
                .optional();
    }

    public void save(UUID tenant, String subjectRef, ProcessingFlags flags, Instant at, String by) {
        Object[] values = {utc(flags.restrictedSince()), utc(flags.objectedSince()), utc(at), by, tenant, subjectRef};
        String update = "UPDATE subject_flags SET restricted_at = ?, objected_at = ?, updated_at = ?, updated_by = ?"
                + " WHERE tenant_id = ? AND subject_ref = ?";
        if (jdbc.sql(update).params(values).update() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO subject_flags (restricted_at, objected_at, updated_at, updated_by, tenant_id,"
                    + " subject_ref) VALUES (?, ?, ?, ?, ?, ?)").params(values).update();
        } catch (DuplicateKeyException concurrentFirstSet) {
            jdbc.sql(update).params(values).update();
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
