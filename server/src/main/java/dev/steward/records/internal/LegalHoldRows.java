package dev.steward.records.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.records.LegalHold;

/** The {@code legal_holds} table. */
@Repository
public class LegalHoldRows {

    private static final String COLUMNS = "hold_id, subject_ref, record_id, reason, placed_at, placed_by";

    private final JdbcClient jdbc;

    LegalHoldRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, LegalHold h) {
        jdbc.sql("INSERT INTO legal_holds (tenant_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(tenant, h.id(), h.subjectRef(), h.recordId(), h.reason(), h.placedAt().atOffset(ZoneOffset.UTC),
                        h.placedBy())
                .update();
    }

    /** The subject's holds, oldest first. */
    public List<LegalHold> ofSubject(UUID tenant, String subjectRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM legal_holds WHERE tenant_id = ? AND subject_ref = ?"
                + " ORDER BY placed_at, hold_id").params(tenant, subjectRef).query(LegalHoldRows::hold).list();
    }

    public Optional<LegalHold> find(UUID tenant, UUID holdId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM legal_holds WHERE tenant_id = ? AND hold_id = ?")
                .params(tenant, holdId).query(LegalHoldRows::hold).optional();
    }

    public boolean delete(UUID tenant, UUID holdId) {
        return jdbc.sql("DELETE FROM legal_holds WHERE tenant_id = ? AND hold_id = ?").params(tenant, holdId)
                .update() > 0;
    }

    private static LegalHold hold(ResultSet rs, int n) throws SQLException {
        return new LegalHold(rs.getObject("hold_id", UUID.class), rs.getString("subject_ref"),
                rs.getObject("record_id", UUID.class), rs.getString("reason"),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant(), rs.getString("placed_by"));
    }
}
