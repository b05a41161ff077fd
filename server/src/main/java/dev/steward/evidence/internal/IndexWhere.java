package dev.steward.evidence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.steward.evidence.EntryFilter;
import dev.steward.ledger.LogId;

import static dev.steward.platform.Timestamps.utc;

/**
 * The WHERE clause over {@code evidence_index i} that selects a tenant's entries matching a filter
 * (null fields do not filter; {@code to} is exclusive), for the log API and for bundles alike.
 *
 * @param sql starts with {@code " WHERE"}
 */
public record IndexWhere(String sql, List<Object> params) {

    /** Entries of {@code tenant}, of {@code log} only when it is given, matching {@code filter}. */
    public static IndexWhere of(UUID tenant, LogId log, EntryFilter filter) {
        StringBuilder sql = new StringBuilder(" WHERE i.tenant_id = ?");
        List<Object> params = new ArrayList<>(List.of(tenant));
        if (log != null) {
            sql.append(" AND i.log_id = ?");
            params.add(log.value());
        }
        if (filter.from() != null) {
            sql.append(" AND i.at >= ?");
            params.add(utc(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND i.at < ?");
            params.add(utc(filter.to()));
        }
        if (filter.actorId() != null) {
            sql.append(" AND i.actor_id = ?");
            params.add(filter.actorId());
        }
        if (filter.action() != null) {
            sql.append(" AND i.action = ?");
            params.add(filter.action());
        }
        if (filter.subjectRef() != null) {
            sql.append(" AND i.subject_ref = ?");
            params.add(filter.subjectRef());
        }
        return new IndexWhere(sql.toString(), List.copyOf(params));
    }
}
