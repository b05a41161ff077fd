package dev.steward.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.EvidenceBundles.BundleFile;
import dev.steward.evidence.internal.BundleAssembler;
import dev.steward.evidence.internal.BundleEntries;
import dev.steward.evidence.internal.BundleFiles;
import dev.steward.evidence.internal.DownloadToken;
import dev.steward.evidence.internal.StoredBundle;
import dev.steward.evidence.internal.StoredBundles;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.TenantScope;

/**
 * The moves of an evidence bundle ({@link BundleState#next()}), each checked against the stored
 * state, made by a conditional update and logged in the tenant's log in the same transaction:
 * requested (built at once, or waiting for approval when provider staff asked), approved, built
 * (ready with a single-use link, or failed), downloaded once, expired. Who may make them is the
 * facade's ({@link EvidenceBundles}) concern; this class trusts the caller and tenant it is given.
 */
@Component
class BundleLifecycle {

    private final StoredBundles stored;
    private final BundleEntries entries;
    private final BundleAssembler assembler;
    private final BundleFiles files;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration ttl;

    BundleLifecycle(StoredBundles stored, BundleEntries entries, BundleAssembler assembler, BundleFiles files,
            SystemLog log, TransactionTemplate tx, Clock clock, @Value("${steward.evidence.bundle-ttl:PT24H}") Duration ttl) {
        this.stored = stored;
        this.entries = entries;
        this.assembler = assembler;
        this.files = files;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A bundle of the caller's own tenant: requested and built at once; the answer carries the link. */
    BundleView requestOwn(Caller caller, BundleRequest request) {
        UUID tenant = caller.tenantId();
        UUID id = UUID.randomUUID();
        inTenant(tenant, () -> requested(caller, tenant, id, request, BundleState.BUILDING, false));
        return build(tenant, id, request);
    }

    /** A bundle provider staff ask for on a customer's request: it waits for approval; nothing is built. */
    BundleView requestForCustomer(Caller caller, UUID tenant, BundleRequest request) {
        UUID id = UUID.randomUUID();
        return inTenant(tenant, () -> {
            requested(caller, tenant, id, request, BundleState.PENDING_APPROVAL, true);
            return stored.find(tenant, id).orElseThrow().view();
        });
    }

    /** The caller, of the bundle's tenant, approves it: it is built and the link is given to the approver. */
    BundleView approve(Caller caller, UUID bundleId) {
        UUID tenant = caller.tenantId();
        StoredBundle bundle = inTenant(tenant, () -> {
            StoredBundle b = existing(tenant, bundleId);
            if (b.state() != BundleState.PENDING_APPROVAL) {
                throw new BundleNotAwaitingApproval(bundleId, b.state());
            }
            if (b.expiredAt(clock.instant())) {
                throw new BundleGone("the request for bundle " + bundleId + " expired at " + b.expiresAt());
            }
            if (!stored.approved(tenant, bundleId, caller.actor())) {
                throw new BundleNotAwaitingApproval(bundleId, existing(tenant, bundleId).state());
            }
            log.record(LogEvent.success(tenant, caller, "evidence.bundle.approved", "bundle:" + bundleId));
            return b;
        });
        return build(tenant, bundleId, bundle.request());
    }

    /**
     * The single-use download by a caller of the bundle's tenant holding its token. The file is
     * deleted once the download is committed (a crash in between leaves an orphan for the sweep).
     */
    BundleFile download(Caller caller, UUID bundleId, String token) {
        UUID tenant = caller.tenantId();
        BundleFile file = inTenant(tenant, () -> {
            StoredBundle b = existing(tenant, bundleId);
            switch (b.state()) {
                case PENDING_APPROVAL -> throw new BundleNotApproved(
                        "bundle " + bundleId + " waits for the customer administrator's approval");
                case BUILDING -> throw new BundleStillBuilding(bundleId);
                case DOWNLOADED -> throw spent(bundleId);
                case EXPIRED, FAILED -> throw new BundleGone("bundle " + bundleId + " is " + b.state().name().toLowerCase());
                case READY -> {
                }
            }
            Instant now = clock.instant();
            if (b.expiredAt(now)) {
                throw new BundleGone("the link of bundle " + bundleId + " expired at " + b.expiresAt());
            }
            if (!DownloadToken.verify(token, b.tokenHash())) {
                throw new BundleTokenInvalid();
            }
            if (!stored.downloaded(tenant, bundleId, now)) {
                throw spent(bundleId);
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
     * Expires every bundle whose link (or approval window) ended by {@code now}, deleting its file,
     * then deletes any file whose bundle is no longer live. Returns how many bundles expired.
     */
    int expire(Instant now) {
        List<StoredBundle> due = TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> stored.expiringBy(now)));
        int expired = 0;
        for (StoredBundle b : due) {
            boolean done = inTenant(b.tenantId(), () -> {
                boolean changed = stored.expired(b.tenantId(), b.id(), b.state(), now);
                if (changed) {
                    log.record(LogEvent.success(b.tenantId(), null, "evidence.bundle.deleted",
                            "bundle:" + b.id() + " reason=expired"));
                }
                return changed;
            });
            if (done) {
                files.delete(b.tenantId(), b.id());
                expired++;
            }
        }
        deleteOrphans();
        return expired;
    }

    /** Files left by a crash between a bundle's end (downloaded, expired, failed) and its file's deletion. */
    void deleteOrphans() {
        for (BundleFiles.Stored f : files.all()) {
            Optional<StoredBundle> bundle = TenantScope.call(DataScope.wholeProvider(),
                    () -> tx.execute(s -> stored.find(f.tenantId(), f.bundleId())));
            if (bundle.filter(StoredBundle::keepsFile).isEmpty()) {
                files.delete(f.tenantId(), f.bundleId());
            }
        }
    }

    Page<BundleView> list(UUID tenant, boolean byProviderOnly, PageRequest page) {
        Page<StoredBundle> found = inTenant(tenant, () -> stored.page(tenant, byProviderOnly, page));
        return new Page<>(found.items().stream().map(StoredBundle::view).toList(), found.page(), found.size(), found.total());
    }

    /** Whether the tenant has a log to bundle at all. */
    boolean hasLog(UUID tenant) {
        return inTenant(tenant, () -> entries.anyIn(tenant));
    }

    /** Stores the request after checking it against the log (size, saved checkpoint), and logs it. */
    private Void requested(Caller caller, UUID tenant, UUID id, BundleRequest request, BundleState state,
            boolean byProvider) {
        long selected = entries.count(tenant, request);
        if (selected > EvidenceBundles.MAX_ENTRIES) {
            throw new InvalidField("to", "the range selects " + selected + " entries, more than "
                    + EvidenceBundles.MAX_ENTRIES + " for one bundle; narrow it");
        }
        // a saved checkpoint's size must be one the log has signed: larger would be a checkpoint of another log
        if (request.since() != null && request.since() > assembler.signedSize(SystemLog.logOf(tenant))) {
            throw new InvalidField("since", "is beyond the log's latest checkpoint: this log never signed a checkpoint"
                    + " of that size");
        }
        Instant now = clock.instant();
        stored.insert(tenant, id, state, caller.actor(), request, byProvider, now, now.plus(ttl));
        log.record(LogEvent.success(tenant, caller, "evidence.bundle.requested",
                "bundle:" + id + " from=" + request.from() + " to=" + request.to()));
        return null;
    }

    /** BUILDING to READY with a fresh token, or to FAILED (file removed) if anything goes wrong. */
    private BundleView build(UUID tenant, UUID id, BundleRequest request) {
        try {
            List<Long> selected = inTenant(tenant, () -> entries.pendingIds(tenant, request));
            int count = assembler.assemble(tenant, id, SystemLog.logOf(tenant), selected, request.since());
            DownloadToken token = DownloadToken.issue();
            return inTenant(tenant, () -> {
                stored.built(tenant, id, count, token.hash(), clock.instant().plus(ttl));
                return stored.find(tenant, id).orElseThrow().view().withDownload(token.link(id));
            });
        } catch (RuntimeException e) {
            files.delete(tenant, id);
            inTenant(tenant, () -> stored.failed(tenant, id, clock.instant()));
            throw e;
        }
    }

    private StoredBundle existing(UUID tenant, UUID id) {
        return stored.find(tenant, id).orElseThrow(() -> new NotFound("bundle " + id));
    }

    private static BundleGone spent(UUID id) {
        return new BundleGone("bundle " + id + " was already downloaded; its link was single-use");
    }

    private <T> T inTenant(UUID tenant, Supplier<T> work) {
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> work.get()));
    }
}
