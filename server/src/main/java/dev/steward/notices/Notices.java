package dev.steward.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.internal.ContactRows;
import dev.steward.notices.internal.InboxRows;
import dev.steward.notices.internal.NoticeRows;
import dev.steward.notices.internal.WebhookRows;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;

/**
 * The one call by which a feature tells a tenant something, and the status of what it told.
 *
 * <p>Guarantees: {@link #notify} writes the notice and one delivery per channel and recipient in
 * the <b>caller's transaction</b> (a transactional outbox): an act that commits has told its
 * audience, a rolled-back act has told nobody, and a crash after commit loses no delivery, since
 * the delivery job sends from the committed rows. The console inbox is written at once; email to
 * the tenant's contacts of the audience's kinds and Standard Webhooks to its verified endpoints are
 * sent after commit, retried with backoff, parked with an alert after a bound, replayable by provider
 * staff, each attempt and the receipt written to the tenant's system log. Each delivery keeps its id
 * across retries ({@code webhook-id}, {@code Message-ID}), so its receiver can take it once.
 */
@Service
public class Notices {

    private final NoticeRows rows;
    private final InboxRows inbox;
    private final ContactRows contacts;
    private final WebhookRows webhooks;
    private final SystemLog log;
    private final Clock clock;

    Notices(NoticeRows rows, InboxRows inbox, ContactRows contacts, WebhookRows webhooks, SystemLog log, Clock clock) {
        this.rows = rows;
        this.inbox = inbox;
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Tells {@code request.audience()} of {@code request.tenantId()} about its topic, inside the
     * caller's transaction (which must be scoped to that tenant). Returns the notice's id, for
     * {@link #status}.
     */
    public UUID notify(NoticeRequest request) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a notice is written inside the transaction of the act it tells of");
        }
        UUID tenant = request.tenantId();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String subject = cut(request.subject(), 200);
        String body = cut(request.body(), 4000);
        rows.insertNotice(tenant, id, request.topic(), subject, body, now);
        List<LogEvent> events = new ArrayList<>();
        events.add(LogEvent.success(tenant, null, "notice.created", "notice:" + id + "/" + request.topic()));
        Set<Role> roles = request.audience().roles();
        if (!roles.isEmpty()) {
            inbox.insert(tenant, id, request.topic(), EnumSet.copyOf(roles), subject, body, now);
            String recipient = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
            UUID delivery = rows.insertDelivery(tenant, id, Channel.INBOX, recipient, DeliveryState.DELIVERED, now);
            events.add(LogEvent.success(tenant, null, "notice.delivered", "delivery:" + delivery + "/inbox"));
        }
        for (String address : contacts.addresses(tenant, request.audience().contacts())) {
            rows.insertDelivery(tenant, id, Channel.EMAIL, address, DeliveryState.PENDING, now);
        }
        for (UUID endpoint : webhooks.verified(tenant)) {
            rows.insertDelivery(tenant, id, Channel.WEBHOOK, endpoint.toString(), DeliveryState.PENDING, now);
        }
        log.recordAll(events);
        return id;
    }

    /**
     * Tells one person by email, inside the caller's transaction, with the guarantees of
     * {@link #notify} (outbox, retries, parking, replay, a stable Message-ID, each attempt logged):
     * one EMAIL delivery to that address and nothing else (no inbox, contacts or webhooks). The system
     * log names the delivery, never the address.
     */
    public UUID tellPerson(PersonNotice notice) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a notice is written inside the transaction of the act it tells of");
        }
        UUID tenant = notice.tenantId();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        UUID delivery = rows.insertPersonNotice(tenant, id, notice.topic(), cut(notice.subject(), 200), notice.address(),
                cut(notice.body(), 4000), now);
        log.record(LogEvent.success(tenant, null, "notice.created", "notice:" + id + "/" + notice.topic()
                + "/person/delivery:" + delivery));
        return id;
    }

    /** {@link #notify} for the console inbox of some roles only. */
    public UUID tell(UUID tenantId, Set<Role> audience, Topic topic, String subject, String body) {
        return notify(new NoticeRequest(tenantId, topic, new Audience(audience, Set.of()), subject, body));
    }

    /** A notice of the caller's own tenant and each delivery's state; another tenant's notice answers 404. */
    public NoticeStatus status(Caller caller, UUID noticeId) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        return TenantScope.call(DataScope.tenant(caller.tenantId()), () -> {
            var head = rows.notice(caller.tenantId(), noticeId).orElseThrow(() -> new NotFound("notice " + noticeId));
            return new NoticeStatus(head.id(), head.topic(), head.subject(), head.createdAt(),
                    rows.deliveriesOf(caller.tenantId(), noticeId));
        });
    }

    /** The latest deliveries of the caller's own tenant, newest first. */
    public List<Delivery> recentDeliveries(Caller caller, int limit) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        return TenantScope.call(DataScope.tenant(caller.tenantId()), () -> rows.recent(caller.tenantId(), limit));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
