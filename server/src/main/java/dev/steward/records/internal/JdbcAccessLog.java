package dev.steward.records.internal;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.steward.records.AccessEvent;
import dev.steward.records.PersonalDataAccessLog;

/** The access log as the {@code access_log} table, written in the caller's transaction (JdbcTemplate joins it). */
@Component
class JdbcAccessLog implements PersonalDataAccessLog {

    private final JdbcTemplate jdbc;

    JdbcAccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT = "INSERT INTO access_log (tenant_id, at, actor, role, action, subject_ref, "
            + "record_id, purpose, outcome) VALUES (?,?,?,?,?,?,?,?,?)";

    @Override
    public void record(AccessEvent e) {
        jdbc.update(INSERT, columns(e));
    }

    @Override
    public void recordAll(List<AccessEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, events.stream().map(JdbcAccessLog::columns).toList());
    }

    private static Object[] columns(AccessEvent e) {
        return new Object[] {e.tenantId(), e.at().atOffset(ZoneOffset.UTC), e.actor(), e.role().name(),
                e.action().name(), e.subjectRef(), e.recordId(), e.purpose() == null ? null : e.purpose().name(), e.outcome()};
    }
}
