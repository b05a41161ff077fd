package dev.steward.evidence;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;

/**
 * Evidence bundles (INC-5, STOR-4): the entries of a tenant's system log over a time range and
 * filter, with their inclusion proofs, the signed checkpoint, a consistency proof to the latest
 * checkpoint and the log's key, as a zip anyone verifies offline ({@code ./steward verify}). This
 * class decides who may do what and checks the request; the bundle's life itself (its states and
 * their moves) is {@link BundleLifecycle}'s.
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>A tenant's caller with EVIDENCE_READ gets bundles of its own tenant's log only; another
 * tenant's bundle answers 404.</li>
 * <li>Provider staff with {@link EvidencePermissions#BUNDLE_REQUEST_FOR_CUSTOMER} may ask for a
 * customer's bundle, on the customer's request; nothing is built until a caller of that tenant with
 * {@link EvidencePermissions#BUNDLE_APPROVE} approves, and the download link goes to the approver,
 * never to the provider.</li>
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

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_=+/-]{1,64}");

    /** The bytes of a downloaded bundle. */
    public record BundleFile(UUID id, byte[] bytes) {
    }

    private final BundleLifecycle lifecycle;

    EvidenceBundles(BundleLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** A bundle of the caller's own tenant's log, built at once; the answer carries the single-use link. */
    public BundleView request(Caller caller, BundleRequest request) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        validate(request);
        return lifecycle.requestOwn(caller, request);
    }

    /**
     * Provider staff ask for a customer tenant's bundle (on the customer's request). It waits for the
     * customer administrator's {@link #approve approval}; nothing is built or downloadable before.
     */
    public BundleView requestFor(Caller caller, UUID tenantId, BundleRequest request) {
        authoriseRequestFor(caller, tenantId);
        validate(request);
        return lifecycle.requestForCustomer(caller, tenantId, request);
    }

    /**
     * Whether the caller may ask for (and list) bundles of {@code tenantId} on its behalf: 403 without
     * {@link EvidencePermissions#BUNDLE_REQUEST_FOR_CUSTOMER} or outside the provider tenant, 404 for a
     * tenant with no log. Checked before the request body is even read.
     */
    public void authoriseRequestFor(Caller caller, UUID tenantId) {
        caller.require(EvidencePermissions.BUNDLE_REQUEST_FOR_CUSTOMER);
        if (!caller.isProvider()) {
            throw new Forbidden("only provider staff ask for a customer's bundle");
        }
        if (DataScope.PROVIDER_TENANT.equals(tenantId) || !lifecycle.hasLog(tenantId)) {
            throw new NotFound("tenant " + tenantId);
        }
    }

    /** The customer administrator approves a provider-requested bundle: it is built and the link is given to them. */
    public BundleView approve(Caller caller, UUID bundleId) {
        caller.require(EvidencePermissions.BUNDLE_APPROVE);
        return lifecycle.approve(caller, bundleId);
    }

    /** The tenant's bundles, newest first. */
    public Page<BundleView> list(Caller caller, PageRequest page) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        return lifecycle.list(caller.tenantId(), false, page);
    }

    /** The bundles provider staff asked for on a customer's behalf. */
    public Page<BundleView> listFor(Caller caller, UUID tenantId, PageRequest page) {
        authoriseRequestFor(caller, tenantId);
        return lifecycle.list(tenantId, true, page);
    }

    /**
     * The single-use download: a caller of the bundle's tenant with EVIDENCE_READ and the token. The
     * file is deleted once the bytes are in hand and the download is logged.
     */
    public BundleFile download(Caller caller, UUID bundleId, String token) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        return lifecycle.download(caller, bundleId, token);
    }

    /**
     * Expires bundles whose link (or approval window) ended by {@code now}: their files are deleted,
     * {@code deleted_at} set and the deletion logged. Also deletes any file on disk whose bundle is
     * no longer live (a crash between commit and deletion). Returns how many bundles expired.
     */
    public int sweep(Instant now) {
        return lifecycle.expire(now);
    }

    private static void validate(BundleRequest r) {
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
}
