package dev.steward.records.internal;

import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.steward.records.AccessEvent;
import dev.steward.records.PersonalDataAccessLog;

/** The access log as the {@code access_log} table, written in the caller's transaction (JdbcClient joins it). */
@Component
class JdbcAccessLog implements PersonalDataAccessLog {

    private final JdbcClient jdbc;

    JdbcAccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(AccessEvent e) {
        jdbc.sql("INSERT INTO access_log (tenant_id, at, actor, role, action, subject_ref, record_id, purpose, outcome)"
                + " VALUES (?,?,?,?,?,?,?,?,?)")
                .params(e.tenantId(), e.at().atOffset(ZoneOffset.UTC), e.actor(), e.role().name(), e.action().name(),
                        e.subjectRef(), e.recordId(), e.purpose(), e.outcome())
                .update();
    }
}
