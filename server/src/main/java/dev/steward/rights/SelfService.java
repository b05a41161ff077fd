package dev.steward.rights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.Contacts;
import dev.steward.notices.Notices;
import dev.steward.notices.PersonNotice;
import dev.steward.notices.Topic;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Secrets;
import dev.steward.platform.SlidingWindow;
import dev.steward.platform.TenantScope;
import dev.steward.rights.internal.DownloadLinks;
import dev.steward.rights.internal.RequestSeal;
import dev.steward.rights.internal.RequestSeal.Personal;
import dev.steward.rights.internal.SubmissionRows;
import dev.steward.rights.internal.SubmissionRows.Submission;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * The tenant's privacy page (/privacy/&lt;slug&gt;): a data subject submits a request without an
 * account and proves control of the address they give by following a single-use link sent to it;
 * only then is the request received. The confirmation also gives a status link that shows the
 * requests confirmed from that address, and nothing else.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>The page answers the same whether or not the tenant holds data of the person: nothing here
 *       looks a subject up.</li>
 *   <li>A link is spent once (a row lock and a conditional update), expires, and is stored as a
 *       hash only; what the form held is sealed, and deleted with the unfollowed link.</li>
 *   <li>One source submits at most {@code per-source} forms an hour to one tenant's page on a node, and one address
 *       receives at most {@code per-address} unfollowed links a day across all nodes, so the page
 *       cannot be used to flood a mailbox.</li>
 * </ul>
 */
@Service
public class SelfService {

    /** A tenant as the public sees it on its privacy page. */
    public record PrivacyPage(UUID tenantId, String slug, String name, List<String> privacyContacts) {
    }

    /** A confirmed submission: the request's reference and the requester's status link (shown once). */
    public record Confirmation(UUID requestId, RequestType type, boolean alreadyOpen, String statusPath) {
    }

    private final TenantRegister tenants;
    private final Contacts contacts;
    private final RightsRequests requests;
    private final SubmissionRows rows;
    private final RequestSeal seal;
    private final Notices notices;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SlidingWindow perSource;
    private final int perAddress;
    private final Duration linkLife;
    private final Duration statusLife;
    private final String publicUrl;
    private final DownloadLinks downloads;

    SelfService(TenantRegister tenants, Contacts contacts, RightsRequests requests, SubmissionRows rows,
            RequestSeal seal, Notices notices, SystemLog log, TransactionTemplate tx, Clock clock, DownloadLinks downloads,
            @Value("${steward.rights.self-service.per-source-per-hour:5}") int perSourcePerHour,
            @Value("${steward.rights.self-service.per-address-per-day:3}") int perAddress,
            @Value("${steward.rights.self-service.link-life:PT24H}") Duration linkLife,
            @Value("${steward.rights.self-service.status-life:P180D}") Duration statusLife,
            @Value("${steward.public-url:https://localhost:8443}") String publicUrl) {
        this.tenants = tenants;
        this.downloads = downloads;
        this.contacts = contacts;
        this.requests = requests;
        this.rows = rows;
        this.seal = seal;
        this.notices = notices;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
        this.perSource = new SlidingWindow(perSourcePerHour, Duration.ofHours(1), clock);
        this.perAddress = perAddress;
        this.linkLife = linkLife;
        this.statusLife = statusLife;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The privacy page of an active customer tenant; empty for anything else, the provider included. */
    public Optional<PrivacyPage> page(String slug) {
        return customer(slug).map(t -> new PrivacyPage(t.id(), t.slug(), t.name(),
                contacts.publishedPrivacyContacts(t.id())));
    }

    /**
     * Takes the form and sends the confirmation link to the address given. The caller answers "a
     * link is on its way if the address is right" whatever happened after validation.
     *
     * @param source the submitter's network address, for the per-source limit only (not stored)
     */
    public void submit(String slug, String source, String type, String name, String email, String details) {
        Tenant tenant = customer(slug).orElseThrow(() -> new NotFound("privacy page " + slug));
        RequestType t = RequestType.named(type, "type");
        Requester who = Requester.of(name, email, "");
        if (!who.hasEmail()) {
            throw new InvalidField("email", "is required: the link that confirms the request is sent to it");
        }
        String text = RequestInputs.text(details, "details", RequestInputs.MAX_TEXT);
        if (!perSource.tryAcquire(tenant.id() + "|" + source)) {
            throw new SubmissionsThrottled();
        }
        UUID tenantId = tenant.id();
        TenantScope.run(DataScope.tenant(tenantId), () -> tx.executeWithoutResult(s -> {
            Instant now = now();
            String addressKey = seal.addressKey(tenantId, who.email());
            if (rows.pendingFor(tenantId, addressKey, now.minus(Duration.ofDays(1))) >= perAddress) {
                // the address has links it did not follow: no more mail to it, and the same answer
                return;
            }
            UUID id = UUID.randomUUID();
            String token = Secrets.randomToken();
            rows.insert(new Submission(tenantId, id, t, addressKey,
                    seal.sealSubmission(tenantId, id, new Personal(null, who, text)), now, now.plus(linkLife), null,
                    null), Secrets.sha256Hex(token));
            notices.tellPerson(new PersonNotice(tenantId, Topic.PRIVACY, who.email(),
                    "Confirm your data-protection request to " + tenant.name(),
                    "Someone, probably you, asked " + tenant.name() + " on its privacy page to handle a "
                            + t.label().toLowerCase(java.util.Locale.ROOT) + " request for this address.\n\n"
                            + "To confirm that this address is yours and send the request, open this link within "
                            + linkLife.toHours() + " hours:\n" + publicUrl + confirmPath(slug, token) + "\n\n"
                            + "If you did not ask for this, ignore this message: nothing is sent without it.\n\n"
                            + tenant.name()));
            log.record(LogEvent.of(tenantId, null, "rights.self-service.submitted")
                    .object("rights-submission:" + id + "/" + t.name().toLowerCase(java.util.Locale.ROOT))
                    .actorName(RightsRequests.SELF_SERVICE_ACTOR));
        }));
    }

    /** Whether the confirmation link is still to be followed (the page shows the button only then). */
    public boolean linkOpen(String slug, String token) {
        return customer(slug).map(t -> TenantScope.call(DataScope.tenant(t.id()), () -> tx.execute(
                s -> rows.openLink(t.id(), Secrets.sha256Hex(token), now()).isPresent()))).orElse(false);
    }

    /**
     * Follows the link: the request is received (its clock started at submission) and the link
     * spent. A second open request of the same type is not made: the link is spent on the open one.
     */
    public Confirmation confirm(String slug, String token) {
        Tenant tenant = customer(slug).orElseThrow(PrivacyLinkInvalid::new);
        UUID t = tenant.id();
        String statusToken = Secrets.randomToken();
        String statusPath = "/privacy/" + tenant.slug() + "/requests/" + statusToken;
        try {
            return TenantScope.call(DataScope.tenant(t), () -> tx.execute(s -> {
                Submission sub = rows.openLink(t, Secrets.sha256Hex(token), now()).orElseThrow(PrivacyLinkInvalid::new);
                Personal p = seal.openSubmission(t, sub.id(), sub.personal());
                UUID request = requests.receiveFromSubject(t, new NewRequest(sub.type(), RequestChannel.SELF_SERVICE,
                        null, p.requester(), p.details(), sub.submittedAt()),
                        "Follow your requests to " + tenant.name() + " here: " + publicUrl + statusPath);
                spend(sub, request, statusToken);
                return new Confirmation(request, sub.type(), false, statusPath);
            }));
        } catch (DuplicateOpenRequest open) {
            // the first transaction rolled back whole; spend the link on the request already open
            return TenantScope.call(DataScope.tenant(t), () -> tx.execute(s -> {
                Submission sub = rows.openLink(t, Secrets.sha256Hex(token), now()).orElseThrow(PrivacyLinkInvalid::new);
                spend(sub, open.existing(), statusToken);
                return new Confirmation(open.existing(), sub.type(), true, statusPath);
            }));
        }
    }

    /** The requests confirmed from the address behind a status link. */
    public List<OwnRequest> status(String slug, String statusToken) {
        Tenant tenant = customer(slug).orElseThrow(PrivacyLinkInvalid::new);
        return requests.ownRequests(tenant.id(), ownIds(tenant.id(), statusToken));
    }

    /**
     * The requester's answer to the clarification asked of one of their requests, given on their
     * status page; a request not confirmed from the status link's address is as unknown as a bad link.
     */
    public void answerClarification(String slug, String statusToken, UUID requestId, String answer) {
        Tenant tenant = customer(slug).orElseThrow(PrivacyLinkInvalid::new);
        UUID t = tenant.id();
        if (!ownIds(t, statusToken).contains(requestId)) {
            throw new PrivacyLinkInvalid();
        }
        requests.clarifiedBySubject(t, requestId, answer);
    }

    /**
     * The file behind a download link of this tenant's page, spending the link; {@link PrivacyLinkInvalid}
     * (one answer) when the page or the link is unknown, the link used or expired.
     */
    public DownloadLinks.File download(String slug, String token) {
        Tenant tenant = customer(slug).orElseThrow(PrivacyLinkInvalid::new);
        return downloads.take(tenant.id(), token).orElseThrow(PrivacyLinkInvalid::new);
    }

    /** Forgets submissions whose link expired unfollowed (run by the rights feature's sweep). */
    public int forgetUnconfirmed() {
        return TenantScope.call(DataScope.wholeProvider(), () -> tx.execute(s -> rows.deleteUnconfirmedBefore(now())));
    }

    /** The requests confirmed from the address behind a status link still valid. */
    private List<UUID> ownIds(UUID t, String statusToken) {
        return TenantScope.call(DataScope.tenant(t), () -> tx.execute(s -> rows
                .addressOfStatus(t, Secrets.sha256Hex(statusToken), now()).map(a -> rows.requestsOf(t, a))
                .orElseThrow(PrivacyLinkInvalid::new)));
    }

    private void spend(Submission sub, UUID request, String statusToken) {
        Instant now = now();
        if (!rows.confirm(sub.tenantId(), sub.id(), request, Secrets.sha256Hex(statusToken), now, now.plus(statusLife))) {
            throw new PrivacyLinkInvalid();
        }
        log.record(LogEvent.of(sub.tenantId(), null, "rights.self-service.confirmed")
                .object("rights-submission:" + sub.id() + "/request:" + request)
                .actorName(RightsRequests.SELF_SERVICE_ACTOR));
    }

    private Optional<Tenant> customer(String slug) {
        if (slug == null || slug.length() > 100) {
            return Optional.empty();
        }
        return tenants.findBySlug(slug).filter(t -> !t.isProvider() && t.isActive());
    }

    static String confirmPath(String slug, String token) {
        return "/privacy/" + slug + "/confirm/" + token;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
