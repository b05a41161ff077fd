package dev.steward.evidence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.steward.evidence.BundleRequest;
import dev.steward.evidence.BundleState;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

/**
 * The {@code evidence_bundles} table, read as a collection. It runs on the caller's connection and
 * transaction, in the data scope the caller set. Each state change is an UPDATE conditional on the
 * state it leaves, and answers whether it won: two concurrent moves out of one state cannot both
 * happen. A move the life cycle does not allow ({@link BundleState#next()}) is a programming error.
 */
@Component
public class StoredBundles {

    private static final String COLUMNS = "tenant_id, bundle_id, state, requested_by, approved_by, time_from, time_to, "
            + "filter_action, filter_actor, filter_subject, entries, token_hash, created_at, expires_at, downloaded_at, "
            + "deleted_at, requested_by_provider, since_size";

    private final JdbcClient jdbc;

    StoredBundles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, UUID id, BundleState state, String requestedBy, BundleRequest r, boolean byProvider,
            Instant createdAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO evidence_bundles (tenant_id, bundle_id, state, requested_by, time_from, time_to, "
                + "filter_action, filter_actor, filter_subject, created_at, expires_at, requested_by_provider, since_size) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(tenant, id, state.name(), requestedBy, utc(r.from()), utc(r.to()), r.action(), r.actorId(),
                        r.subjectRef(), utc(createdAt), utc(expiresAt), byProvider, r.since())
                .update();
    }

    public Optional<StoredBundle> find(UUID tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_bundles WHERE tenant_id = ? AND bundle_id = ?")
                .params(tenant, id).query(StoredBundles::row).optional();
    }

    /** The tenant's bundles (only those provider staff asked for, if {@code byProviderOnly}), newest first. */
    public Page<StoredBundle> page(UUID tenant, boolean byProviderOnly, PageRequest page) {
        String where = " WHERE tenant_id = ?" + (byProviderOnly ? " AND requested_by_provider = TRUE" : "");
        long total = jdbc.sql("SELECT COUNT(*) FROM evidence_bundles" + where).param(tenant).query(Long.class).single();
        List<StoredBundle> items = jdbc.sql("SELECT " + COLUMNS + " FROM evidence_bundles" + where
                + " ORDER BY created_at DESC, bundle_id LIMIT ? OFFSET ?").params(tenant, page.size(), page.offset())
                .query(StoredBundles::row).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Live bundles of every tenant (the caller's scope must span them) that may expire and whose time ran out by {@code now}. */
    public List<StoredBundle> expiringBy(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_bundles WHERE deleted_at IS NULL AND expires_at <= ? "
                + "AND state IN (?, ?) ORDER BY expires_at")
                .params(utc(now), BundleState.READY.name(), BundleState.PENDING_APPROVAL.name())
                .query(StoredBundles::row).list();
    }

    /** PENDING_APPROVAL to BUILDING, naming who approved. */
    public boolean approved(UUID tenant, UUID id, String approvedBy) {
        allow(BundleState.PENDING_APPROVAL, BundleState.BUILDING);
        return jdbc.sql("UPDATE evidence_bundles SET state = ?, approved_by = ? WHERE tenant_id = ? AND bundle_id = ? "
                + "AND state = ?")
                .params(BundleState.BUILDING.name(), approvedBy, tenant, id, BundleState.PENDING_APPROVAL.name())
                .update() == 1;
    }

    /** BUILDING to READY: the file is written, its token's digest stored and the link valid until {@code expiresAt}. */
    public boolean built(UUID tenant, UUID id, int entries, String tokenHash, Instant expiresAt) {
        allow(BundleState.BUILDING, BundleState.READY);
        return jdbc.sql("UPDATE evidence_bundles SET state = ?, entries = ?, token_hash = ?, expires_at = ? "
                + "WHERE tenant_id = ? AND bundle_id = ? AND state = ?")
                .params(BundleState.READY.name(), entries, tokenHash, utc(expiresAt), tenant, id,
                        BundleState.BUILDING.name())
                .update() == 1;
    }

    /** BUILDING to FAILED: nothing is kept. */
    public boolean failed(UUID tenant, UUID id, Instant at) {
        allow(BundleState.BUILDING, BundleState.FAILED);
        return jdbc.sql("UPDATE evidence_bundles SET state = ?, deleted_at = ? WHERE tenant_id = ? AND bundle_id = ? "
                + "AND state = ?")
                .params(BundleState.FAILED.name(), utc(at), tenant, id, BundleState.BUILDING.name())
                .update() == 1;
    }

    /** READY to DOWNLOADED: the single use is spent and the file is to be deleted. */
    public boolean downloaded(UUID tenant, UUID id, Instant at) {
        allow(BundleState.READY, BundleState.DOWNLOADED);
        return jdbc.sql("UPDATE evidence_bundles SET state = ?, downloaded_at = ?, deleted_at = ? "
                + "WHERE tenant_id = ? AND bundle_id = ? AND state = ?")
                .params(BundleState.DOWNLOADED.name(), utc(at), utc(at), tenant, id, BundleState.READY.name())
                .update() == 1;
    }

    /** READY or PENDING_APPROVAL ({@code from}) to EXPIRED: the link or the request ran out. */
    public boolean expired(UUID tenant, UUID id, BundleState from, Instant at) {
        allow(from, BundleState.EXPIRED);
        return jdbc.sql("UPDATE evidence_bundles SET state = ?, deleted_at = ? WHERE tenant_id = ? AND bundle_id = ? "
                + "AND state = ? AND deleted_at IS NULL")
                .params(BundleState.EXPIRED.name(), utc(at), tenant, id, from.name())
                .update() == 1;
    }

    private static void allow(BundleState from, BundleState to) {
        if (!from.mayBecome(to)) {
            throw new IllegalStateException("an evidence bundle never moves from " + from + " to " + to);
        }
    }

    private static StoredBundle row(ResultSet rs, int n) throws SQLException {
        return new StoredBundle(rs.getObject("tenant_id", UUID.class), rs.getObject("bundle_id", UUID.class),
                BundleState.valueOf(rs.getString("state")), rs.getString("requested_by"), rs.getString("approved_by"),
                instant(rs, "time_from"), instant(rs, "time_to"), rs.getString("filter_action"),
                rs.getString("filter_actor"), rs.getString("filter_subject"), rs.getObject("entries", Integer.class),
                rs.getString("token_hash"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "downloaded_at"), instant(rs, "deleted_at"), rs.getBoolean("requested_by_provider"),
                rs.getObject("since_size", Long.class));
    }
}
