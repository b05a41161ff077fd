package dev.steward.evidence.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.steward.evidence.BundleRequest;
import dev.steward.evidence.SystemLog;

/**
 * Which entries of a tenant's system log a bundle request selects, found through the searchable
 * {@code evidence_index} that {@code SystemLog} writes beside each entry. Runs in the caller's
 * transaction and data scope.
 */
@Component
public class BundleEntries {

    private final JdbcClient jdbc;

    BundleEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count(UUID tenant, BundleRequest r) {
        IndexWhere w = where(tenant, r);
        return jdbc.sql("SELECT COUNT(*) FROM evidence_index i" + w.sql()).params(w.params()).query(Long.class).single();
    }

    /** Pending ids of the entries the request selects, in the order they were written. */
    public List<Long> pendingIds(UUID tenant, BundleRequest r) {
        IndexWhere w = where(tenant, r);
        return jdbc.sql("SELECT i.pending_id FROM evidence_index i" + w.sql() + " ORDER BY i.pending_id")
                .params(w.params()).query(Long.class).list();
    }

    /** Whether the tenant's log holds any entry at all (a tenant that never acted has no log to bundle). */
    public boolean anyIn(UUID tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND log_id = ?")
                .params(tenant, SystemLog.logOf(tenant).value()).query(Long.class).single() > 0;
    }

    private static IndexWhere where(UUID tenant, BundleRequest r) {
        return IndexWhere.of(tenant, SystemLog.logOf(tenant), r.filter());
    }
}
