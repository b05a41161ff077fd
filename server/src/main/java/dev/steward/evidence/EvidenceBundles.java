package dev.steward.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.internal.BundleAssembler;
import dev.steward.evidence.internal.BundleFiles;
import dev.steward.platform.Caller;
import dev.steward.platform.Conflict;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;

/**
 * Evidence bundles (INC-5, STOR-4): the entries of a tenant's system log over a time range and
 * filter, with their inclusion proofs, the signed checkpoint, a consistency proof to the latest
 * checkpoint and the log's key, as a zip anyone verifies offline ({@code ./steward verify}).
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>A tenant's caller with EVIDENCE_READ gets bundles of its own tenant's log only; another
 * tenant's bundle answers 404.</li>
 * <li>Provider staff (security officer, compliance) may ask for a customer's bundle, on the
 * customer's request; nothing is built until the customer administrator approves, and the
 * download link goes to the approver, never to the provider.</li>
 * <li>The download link is single-use and expires ({@code steward.evidence.bundle-ttl}); only the
 * SHA-256 of its token is stored. After the download or at expiry the file is deleted and
 * {@code deleted_at} set.</li>
 * <li>Requesting, approving, downloading and deleting are logged in the tenant's log in the same
 * transaction as the state change.</li>
 * <li>A range that selects no entry still gives a valid bundle: the signed checkpoint and its
 * consistency proof, with no entries. It proves nothing about absence (the index that selects
 * entries is not authenticated); the README and {@code entries: 0} say what it holds.</li>
 * </ul>
 */
@Service
public class EvidenceBundles {

    /** Most entries one bundle may hold; a wider request is refused and should be narrowed. */
    public static final int MAX_ENTRIES = 100_000;

    private static final Set<Role> PROVIDER_REQUESTERS = EnumSet.of(Role.SECURITY_OFFICER, Role.COMPLIANCE);
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_=+/-]{1,64}");
    private static final String COLUMNS = "tenant_id, bundle_id, state, requested_by, approved_by, time_from, time_to, "
            + "filter_action, filter_actor, filter_subject, entries, token_hash, created_at, expires_at, downloaded_at, "
            + "deleted_at, requested_by_provider, since_size";

    /** The bytes of a downloaded bundle. */
    public record BundleFile(UUID id, byte[] bytes) {
    }

    private record Row(UUID tenantId, UUID id, BundleState state, String requestedBy, String approvedBy, Instant from,
            Instant to, String action, String actor, String subject, Integer entries, String tokenHash,
            Instant createdAt, Instant expiresAt, Instant downloadedAt, Instant deletedAt, boolean byProvider,
            Long since) {

        BundleRequest request() {
            return new BundleRequest(from, to, actor, action, subject, since);
        }

        BundleView view() {
            return new BundleView(id, state, entries, from, to, action, actor, subject, byProvider, requestedBy,
                    approvedBy, createdAt, expiresAt, downloadedAt, deletedAt, null);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SystemLog log;
    private final BundleAssembler assembler;
    private final BundleFiles files;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    EvidenceBundles(JdbcClient jdbc, TransactionTemplate tx, SystemLog log, BundleAssembler assembler, BundleFiles files,
            Clock clock, @Value("${steward.evidence.bundle-ttl:PT24H}") Duration ttl) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.log = log;
        this.assembler = assembler;
        this.files = files;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A bundle of the caller's own tenant's log, built at once; the answer carries the single-use link. */
    public BundleView request(Caller caller, BundleRequest request) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        validate(request);
        UUID tenant = caller.tenantId();
        UUID id = UUID.randomUUID();
        inTenant(tenant, () -> {
            checkSize(tenant, request);
            checkSince(tenant, request);
            insert(tenant, id, BundleState.BUILDING, caller, request, false);
            log.record(LogEvent.success(tenant, caller, "evidence.bundle.requested", object(id, request)));
            return null;
        });
        return build(tenant, id, request);
    }

    /**
     * Provider staff ask for a customer tenant's bundle (on the customer's request). It waits for the
     * customer administrator's {@link #approve approval}; nothing is built or downloadable before.
     */
    public BundleView requestFor(Caller caller, UUID tenantId, BundleRequest request) {
        authoriseRequestFor(caller, tenantId);
        validate(request);
        UUID id = UUID.randomUUID();
        return inTenant(tenantId, () -> {
            checkSize(tenantId, request);
            checkSince(tenantId, request);
            insert(tenantId, id, BundleState.PENDING_APPROVAL, caller, request, true);
            log.record(LogEvent.success(tenantId, caller, "evidence.bundle.requested", object(id, request)));
            return find(tenantId, id).orElseThrow().view();
        });
    }

    /**
     * Whether the caller may ask for (and list) bundles of {@code tenantId} on its behalf: 403 for
     * anyone but the provider's security officer and compliance staff, 404 for a tenant with no log.
     * Checked before the request body is even read.
     */
    public void authoriseRequestFor(Caller caller, UUID tenantId) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        if (!caller.isProvider() || !PROVIDER_REQUESTERS.contains(caller.role())) {
            throw new Forbidden("only the provider's security officer or compliance staff ask for a customer's bundle");
        }
        if (DataScope.PROVIDER_TENANT.equals(tenantId) || !hasLog(tenantId)) {
            throw new NotFound("tenant " + tenantId);
        }
    }

    /** The customer administrator approves a provider-requested bundle: it is built and the link is given to them. */
    public BundleView approve(Caller caller, UUID bundleId) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        if (caller.role() != Role.CUSTOMER_ADMIN) {
            throw new Forbidden("only the customer administrator approves an evidence bundle");
        }
        UUID tenant = caller.tenantId();
        Row row = inTenant(tenant, () -> {
            Row r = find(tenant, bundleId).orElseThrow(() -> new NotFound("bundle " + bundleId));
            Instant now = clock.instant();
            if (r.state() != BundleState.PENDING_APPROVAL) {
                throw new Conflict("bundle " + bundleId + " is " + r.state() + ", not awaiting approval");
            }
            if (!r.expiresAt().isAfter(now)) {
                throw new BundleGone("the request for bundle " + bundleId + " expired at " + r.expiresAt());
            }
            int changed = jdbc.sql("UPDATE evidence_bundles SET state = ?, approved_by = ? WHERE tenant_id = ? "
                    + "AND bundle_id = ? AND state = ?")
                    .params(BundleState.BUILDING.name(), caller.actor(), tenant, bundleId,
                            BundleState.PENDING_APPROVAL.name())
                    .update();
            if (changed != 1) {
                throw new Conflict("bundle " + bundleId + " was approved meanwhile");
            }
            log.record(LogEvent.success(tenant, caller, "evidence.bundle.approved", "bundle:" + bundleId));
            return r;
        });
        return build(tenant, bundleId, row.request());
    }

    /** The tenant's bundles, newest first. */
    public Page<BundleView> list(Caller caller, PageRequest page) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        return page(caller.tenantId(), false, page);
    }

    /** The bundles provider staff asked for on a customer's behalf. */
    public Page<BundleView> listFor(Caller caller, UUID tenantId, PageRequest page) {
        authoriseRequestFor(caller, tenantId);
        return page(tenantId, true, page);
    }

    /**
     * The single-use download: a caller of the bundle's tenant with EVIDENCE_READ and the token. The
     * file is deleted once the bytes are in hand and the download is logged.
     */
    public BundleFile download(Caller caller, UUID bundleId, String token) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        UUID tenant = caller.tenantId();
        BundleFile file = inTenant(tenant, () -> {
            Row r = find(tenant, bundleId).orElseThrow(() -> new NotFound("bundle " + bundleId));
            Instant now = clock.instant();
            switch (r.state()) {
                case PENDING_APPROVAL -> throw new BundleNotApproved(
                        "bundle " + bundleId + " waits for the customer administrator's approval");
                case BUILDING -> throw new Conflict("bundle " + bundleId + " is still being built");
                case DOWNLOADED -> throw new BundleGone("bundle " + bundleId + " was already downloaded; its link was single-use");
                case EXPIRED, FAILED -> throw new BundleGone("bundle " + bundleId + " is " + r.state().name().toLowerCase());
                case READY -> {
                }
            }
            if (!r.expiresAt().isAfter(now)) {
                throw new BundleGone("the link of bundle " + bundleId + " expired at " + r.expiresAt());
            }
            if (token == null || r.tokenHash() == null || !MessageDigest.isEqual(
                    hash(token).getBytes(StandardCharsets.US_ASCII), r.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                throw new BundleTokenInvalid();
            }
            int changed = jdbc.sql("UPDATE evidence_bundles SET state = ?, downloaded_at = ?, deleted_at = ? "
                    + "WHERE tenant_id = ? AND bundle_id = ? AND state = ?")
                    .params(BundleState.DOWNLOADED.name(), utc(now), utc(now), tenant, bundleId, BundleState.READY.name())
                    .update();
            if (changed != 1) {
                throw new BundleGone("bundle " + bundleId + " was already downloaded; its link was single-use");
            }
            byte[] bytes = files.read(tenant, bundleId)
                    .orElseThrow(() -> new BundleGone("the file of bundle " + bundleId + " no longer exists"));
            log.record(LogEvent.success(tenant, caller, "evidence.bundle.downloaded", "bundle:" + bundleId));
            log.record(LogEvent.success(tenant, caller, "evidence.bundle.deleted", "bundle:" + bundleId + " reason=downloaded"));
            return new BundleFile(bundleId, bytes);
        });
        files.delete(tenant, bundleId);
        return file;
    }

    /**
     * Expires bundles whose link (or approval window) ended by {@code now}: their files are deleted,
     * {@code deleted_at} set and the deletion logged. Also deletes any file on disk whose bundle is
     * no longer live (a crash between commit and deletion). Returns how many bundles expired.
     */
    public int sweep(Instant now) {
        List<Row> due = TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> jdbc
                .sql("SELECT " + COLUMNS + " FROM evidence_bundles WHERE deleted_at IS NULL AND expires_at <= ? "
                        + "AND state IN (?, ?) ORDER BY expires_at")
                .params(utc(now), BundleState.READY.name(), BundleState.PENDING_APPROVAL.name())
                .query(EvidenceBundles::row).list()));
        int expired = 0;
        for (Row r : due) {
            boolean done = inTenant(r.tenantId(), () -> {
                int changed = jdbc.sql("UPDATE evidence_bundles SET state = ?, deleted_at = ? WHERE tenant_id = ? "
                        + "AND bundle_id = ? AND state = ? AND deleted_at IS NULL")
                        .params(BundleState.EXPIRED.name(), utc(now), r.tenantId(), r.id(), r.state().name()).update();
                if (changed == 1) {
                    log.record(LogEvent.success(r.tenantId(), null, "evidence.bundle.deleted",
                            "bundle:" + r.id() + " reason=expired"));
                }
                return changed == 1;
            });
            if (done) {
                files.delete(r.tenantId(), r.id());
                expired++;
            }
        }
        deleteOrphans();
        return expired;
    }

    private void deleteOrphans() {
        for (BundleFiles.Stored f : files.all()) {
            Optional<Row> row = TenantScope.call(DataScope.wholeProvider(),
                    () -> tx.execute(s -> find(f.tenantId(), f.bundleId())));
            boolean live = row.isPresent() && row.get().deletedAt() == null
                    && (row.get().state() == BundleState.READY || row.get().state() == BundleState.BUILDING);
            if (!live) {
                files.delete(f.tenantId(), f.bundleId());
            }
        }
    }

    private BundleView build(UUID tenant, UUID id, BundleRequest request) {
        try {
            List<Long> selected = inTenant(tenant, () -> select(tenant, request));
            int entries = assembler.assemble(tenant, id, SystemLog.logOf(tenant), selected, request.since());
            String token = newToken();
            return inTenant(tenant, () -> {
                Instant now = clock.instant();
                jdbc.sql("UPDATE evidence_bundles SET state = ?, entries = ?, token_hash = ?, expires_at = ? "
                        + "WHERE tenant_id = ? AND bundle_id = ? AND state = ?")
                        .params(BundleState.READY.name(), entries, hash(token), utc(now.plus(ttl)), tenant, id,
                                BundleState.BUILDING.name())
                        .update();
                return find(tenant, id).orElseThrow().view()
                        .withDownload("/api/v1/evidence/bundles/" + id + "/download?token=" + token);
            });
        } catch (RuntimeException e) {
            failed(tenant, id);
            throw e;
        }
    }

    /** A saved checkpoint's size must be one the log has signed: larger would be a checkpoint of another log. */
    private void checkSince(UUID tenant, BundleRequest request) {
        if (request.since() != null && request.since() > assembler.signedSize(SystemLog.logOf(tenant))) {
            throw new InvalidField("since", "is beyond the log's latest checkpoint: this log never signed a checkpoint"
                    + " of that size");
        }
    }

    private void failed(UUID tenant, UUID id) {
        files.delete(tenant, id);
        inTenant(tenant, () -> jdbc.sql("UPDATE evidence_bundles SET state = ?, deleted_at = ? WHERE tenant_id = ? "
                + "AND bundle_id = ? AND state = ?")
                .params(BundleState.FAILED.name(), utc(clock.instant()), tenant, id, BundleState.BUILDING.name())
                .update());
    }

    private void validate(BundleRequest r) {
        if (!r.from().isBefore(r.to())) {
            throw new InvalidField("to", "must be after from");
        }
        if (r.since() != null && r.since() < 0) {
            throw new InvalidField("since", "must be the tree size (0 or more) of a checkpoint you saved");
        }
        if (r.actorId() != null && !r.actorId().equals("system")) {
            try {
                UUID.fromString(r.actorId());
            } catch (IllegalArgumentException e) {
                throw new InvalidField("actor", "must be an account or token id, or system");
            }
        }
        if (r.action() != null && (r.action().length() > 100 || !ACTION.matcher(r.action()).matches())) {
            throw new InvalidField("action", "must be a dotted action name like account.created");
        }
        if (r.subjectRef() != null && !SUBJECT.matcher(r.subjectRef()).matches()) {
            throw new InvalidField("subject", "must be a subject pseudonym (at most 64 characters)");
        }
    }

    private void checkSize(UUID tenant, BundleRequest r) {
        Where w = where(tenant, r);
        long n = jdbc.sql("SELECT COUNT(*) FROM evidence_index i" + w.sql()).params(w.params()).query(Long.class).single();
        if (n > MAX_ENTRIES) {
            throw new InvalidField("to", "the range selects " + n + " entries, more than " + MAX_ENTRIES
                    + " for one bundle; narrow it");
        }
    }

    /** Pending ids of the entries the request selects, in the order they were written. */
    private List<Long> select(UUID tenant, BundleRequest r) {
        Where w = where(tenant, r);
        return jdbc.sql("SELECT i.pending_id FROM evidence_index i" + w.sql() + " ORDER BY i.pending_id")
                .params(w.params()).query(Long.class).list();
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(UUID tenant, BundleRequest r) {
        StringBuilder sql = new StringBuilder(" WHERE i.tenant_id = ? AND i.log_id = ? AND i.at >= ? AND i.at < ?");
        List<Object> params = new ArrayList<>(List.of(tenant, SystemLog.logOf(tenant).value(), utc(r.from()), utc(r.to())));
        if (r.actorId() != null) {
            sql.append(" AND i.actor_id = ?");
            params.add(r.actorId());
        }
        if (r.action() != null) {
            sql.append(" AND i.action = ?");
            params.add(r.action());
        }
        if (r.subjectRef() != null) {
            sql.append(" AND i.subject_ref = ?");
            params.add(r.subjectRef());
        }
        return new Where(sql.toString(), params);
    }

    private boolean hasLog(UUID tenant) {
        return inTenant(tenant, () -> jdbc.sql("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND log_id = ?")
                .params(tenant, SystemLog.logOf(tenant).value()).query(Long.class).single() > 0);
    }

    private void insert(UUID tenant, UUID id, BundleState state, Caller caller, BundleRequest r, boolean byProvider) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO evidence_bundles (tenant_id, bundle_id, state, requested_by, time_from, time_to, "
                + "filter_action, filter_actor, filter_subject, created_at, expires_at, requested_by_provider, since_size) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(tenant, id, state.name(), caller.actor(), utc(r.from()), utc(r.to()), r.action(), r.actorId(),
                        r.subjectRef(), utc(now), utc(now.plus(ttl)), byProvider, r.since())
                .update();
    }

    private Page<BundleView> page(UUID tenant, boolean byProviderOnly, PageRequest page) {
        return inTenant(tenant, () -> {
            String where = " WHERE tenant_id = ?" + (byProviderOnly ? " AND requested_by_provider = TRUE" : "");
            long total = jdbc.sql("SELECT COUNT(*) FROM evidence_bundles" + where).param(tenant).query(Long.class).single();
            List<BundleView> items = jdbc.sql("SELECT " + COLUMNS + " FROM evidence_bundles" + where
                    + " ORDER BY created_at DESC, bundle_id LIMIT ? OFFSET ?").params(tenant, page.size(), page.offset())
                    .query(EvidenceBundles::row).list().stream().map(Row::view).toList();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private Optional<Row> find(UUID tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_bundles WHERE tenant_id = ? AND bundle_id = ?")
                .params(tenant, id).query(EvidenceBundles::row).optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Integer entries = rs.getObject("entries", Integer.class);
        return new Row(rs.getObject("tenant_id", UUID.class), rs.getObject("bundle_id", UUID.class),
                BundleState.valueOf(rs.getString("state")), rs.getString("requested_by"), rs.getString("approved_by"),
                instant(rs, "time_from"), instant(rs, "time_to"), rs.getString("filter_action"),
                rs.getString("filter_actor"), rs.getString("filter_subject"), entries, rs.getString("token_hash"),
                instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "downloaded_at"),
                instant(rs, "deleted_at"), rs.getBoolean("requested_by_provider"), rs.getObject("since_size", Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String object(UUID id, BundleRequest r) {
        return "bundle:" + id + " from=" + r.from() + " to=" + r.to();
    }

    private <T> T inTenant(UUID tenant, Supplier<T> work) {
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> work.get()));
    }

    private String newToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
