package dev.steward.notices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.Channel;
import dev.steward.notices.DeliveryState;
import dev.steward.notices.Topic;
import dev.steward.platform.DataScope;
import dev.steward.platform.Job;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices worker ({@code notices.deliver}, run once across nodes by {@code jobs}): sends the
 * due deliveries outside any transaction, several at once, then records each attempt, receipt or
 * parking in the tenant's rows and system log, one transaction per tenant and batch. A node dying
 * between sending and recording sends again later under the same delivery id, which the receiver
 * uses to take it once.
 */
public final class DeliveryJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJob.class);

    private final NoticeRows rows;
    private final WebhookRows webhooks;
    private final InboxRows inbox;
    private final NoticeKeys keys;
    private final EmailChannel email;
    private final WebhookChannel webhook;
    private final Backoff backoff;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final DeliveryPace pace;
    private final Counter parked;
    private final List<SentObserver> observers;

    DeliveryJob(NoticeRows rows, WebhookRows webhooks, InboxRows inbox, NoticeKeys keys, EmailChannel email,
            WebhookChannel webhook, Backoff backoff, SystemLog log, TransactionTemplate tx, JsonMapper json, Clock clock,
            DeliveryPace pace, MeterRegistry meters, List<SentObserver> observers) {
        this.rows = rows;
        this.webhooks = webhooks;
        this.inbox = inbox;
        this.keys = keys;
        this.email = email;
        this.webhook = webhook;
        this.backoff = backoff;
        this.log = log;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.pace = pace;
        this.observers = List.copyOf(observers);
        this.parked = Counter.builder("steward.notices.parked")
                .description("Notice deliveries parked after their last attempt failed").register(meters);
    }

    @Override
    public String name() {
        return "notices.deliver";
    }

    @Override
    public Duration interval() {
        return pace.interval();
    }

    /**
     * Sends what is due, batch after batch while a batch comes full and the budget lasts. A batch is
     * queried only once the previous one is recorded, so no delivery is in flight twice in one run.
     */
    @Override
    public void run() {
        Instant stop = clock.instant().plus(pace.budget());
        List<NoticeRows.DeliveryKey> due;
        do {
            due = TenantScope.call(DataScope.wholeProvider(), () -> rows.due(clock.instant(), pace.batch()));
            attemptAll(due);
        } while (due.size() == pace.batch() && clock.instant().isBefore(stop));
    }

    private record Prepared(NoticeRows.Outgoing out, String url, List<String> secrets) {
    }

    /** Where an endpoint's deliveries go and the secrets that sign them, read once per batch. */
    private record Signing(String url, List<String> secrets) {
    }

    /** What one send came to: the error's kind, or null for a receipt. */
    private record Outcome(Prepared prepared, String error) {
    }

    /**
     * One batch in three steps: per tenant, one transaction reads its deliveries and opens the signing
     * secrets; then every send, up to {@code concurrency} at once, outside any transaction; then per
     * tenant, one transaction records every outcome and its log entries. Row-level security binds a
     * transaction to one tenant, hence the grouping; a node dying before the outcomes commit sends the
     * batch again later under the same ids.
     */
    private void attemptAll(List<NoticeRows.DeliveryKey> due) {
        Map<UUID, List<UUID>> byTenant = new LinkedHashMap<>();
        due.forEach(k -> byTenant.computeIfAbsent(k.tenantId(), t -> new ArrayList<>()).add(k.deliveryId()));
        List<Prepared> prepared = new ArrayList<>(due.size());
        byTenant.forEach((tenant, ids) -> prepared.addAll(
                TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> prepare(tenant, ids)))));
        List<Outcome> outcomes = sendAll(prepared);
        Map<UUID, List<Outcome>> outcomesByTenant = new LinkedHashMap<>();
        outcomes.forEach(o -> outcomesByTenant.computeIfAbsent(o.prepared().out().delivery().tenantId(),
                t -> new ArrayList<>()).add(o));
        outcomesByTenant.forEach((tenant, ofTenant) -> {
            List<Outcome> parkedNow = TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> recordAll(tenant, ofTenant)));
            for (Outcome o : parkedNow) {
                // A transaction of its own, in the provider's scope: row-level security binds a transaction to one tenant.
                TenantScope.run(DataScope.tenant(DataScope.PROVIDER_TENANT),
                        () -> tx.executeWithoutResult(s -> alertSecurityOfficers(o.prepared().out().delivery(), o.error())));
                parked.increment();
            }
        });
    }

    /**
     * The sends of a batch, up to {@code concurrency} at once; outcomes in the order of {@code prepared}.
     * Emails to one address go one after the other in the order their notices were written, so a person
     * is never told of a result before the receipt of their request; webhooks carry their own id and
     * time and may arrive in any order, as the Standard Webhooks receivers expect.
     */
    private List<Outcome> sendAll(List<Prepared> prepared) {
        Map<Prepared, Outcome> byPrepared = new java.util.IdentityHashMap<>();
        if (pace.concurrency() == 1 || prepared.size() <= 1) {
            prepared.stream().sorted(WRITTEN_ORDER).map(this::attempt).forEach(o -> byPrepared.put(o.prepared(), o));
            return prepared.stream().map(byPrepared::get).toList();
        }
        Map<String, List<Prepared>> lanes = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            var d = p.out().delivery();
            String lane = d.channel() == Channel.EMAIL ? "email:" + d.recipient().toLowerCase(java.util.Locale.ROOT)
                    : "one:" + d.id();
            lanes.computeIfAbsent(lane, l -> new ArrayList<>()).add(p);
        }
        List<Future<List<Outcome>>> all = new ArrayList<>(lanes.size());
        // A pool per batch, not per bean: an idle worker holds no threads, and closing waits for the batch.
        try (ExecutorService senders = Executors.newFixedThreadPool(Math.min(pace.concurrency(), lanes.size()),
                Thread.ofPlatform().name("notices-deliver-", 1).daemon().factory())) {
            for (List<Prepared> lane : lanes.values()) {
                all.add(senders.submit(() -> lane.stream().sorted(WRITTEN_ORDER).map(this::attempt).toList()));
            }
        }
        for (Future<List<Outcome>> send : all) {
            try {
                send.get().forEach(o -> byPrepared.put(o.prepared(), o));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering", e);
            }
        }
        return prepared.stream().map(byPrepared::get).toList();
    }

    /** The order notices were written in (a delivery's id breaks ties of one instant). */
    private static final java.util.Comparator<Prepared> WRITTEN_ORDER = java.util.Comparator
            .comparing((Prepared p) -> p.out().createdAt()).thenComparing(p -> p.out().delivery().id());

    private Outcome attempt(Prepared p) {
        try {
            send(p);
            observers.forEach(o -> o.sent(p.out().delivery()));
            return new Outcome(p, null);
        } catch (DeliveryFailed e) {
            LOG.debug("delivery {} failed: {}", p.out().delivery().id(), e.kind(), e.getCause());
            return new Outcome(p, e.kind());
        }
    }

    /** The tenant's deliveries still pending, each endpoint's secrets opened once for the batch. */
    private List<Prepared> prepare(UUID tenant, List<UUID> deliveryIds) {
        Map<UUID, Optional<Signing>> endpoints = new HashMap<>();
        List<Prepared> prepared = new ArrayList<>(deliveryIds.size());
        for (NoticeRows.Outgoing out : rows.outgoing(tenant, deliveryIds)) {
            if (out.delivery().state() != DeliveryState.PENDING) {
                continue;
            }
            if (out.delivery().channel() != Channel.WEBHOOK) {
                prepared.add(new Prepared(out, null, List.of()));
                continue;
            }
            Optional<Signing> endpoint = endpoints.computeIfAbsent(UUID.fromString(out.delivery().recipient()),
                    e -> webhooks.find(tenant, e).map(sealed -> new Signing(sealed.endpoint().url(),
                            keys.signingSecrets(tenant, sealed, clock.instant()))));
            prepared.add(endpoint.map(e -> new Prepared(out, e.url(), e.secrets()))
                    .orElseGet(() -> new Prepared(out, null, List.of())));
        }
        return prepared;
    }

    private void send(Prepared p) throws DeliveryFailed {
        switch (p.out().delivery().channel()) {
            case EMAIL -> email.send(p.out());
            case WEBHOOK -> {
                if (p.url() == null) {
                    throw new DeliveryFailed("endpoint-removed", null);
                }
                webhook.post(p.url(), WebhookChannel.messageId(p.out().delivery().id()), p.secrets(), payload(p.out()));
            }
            case INBOX -> {
                // written with the notice itself; nothing is left to send
            }
        }
    }

    /** The Standard Webhooks payload: {@code type}, {@code timestamp} (of the notice) and {@code data}. */
    String payload(NoticeRows.Outgoing out) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("noticeId", out.delivery().noticeId().toString());
        data.put("tenantId", out.delivery().tenantId().toString());
        data.put("topic", out.topic().name());
        data.put("subject", out.subject());
        data.put("body", out.body());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "notice." + out.topic().name().toLowerCase(java.util.Locale.ROOT));
        payload.put("timestamp", out.createdAt().toString());
        payload.put("data", data);
        return json.writeValueAsString(payload);
    }

    /** Records the outcomes of one tenant's sends with one batch of log entries; returns those it parked. */
    private List<Outcome> recordAll(UUID tenant, List<Outcome> outcomes) {
        List<LogEvent> events = new ArrayList<>();
        List<Outcome> parkedNow = new ArrayList<>();
        List<NoticeRows.Receipt> receipts = new ArrayList<>();
        Map<UUID, Channel> channels = new HashMap<>();
        for (Outcome o : outcomes) {
            var d = o.prepared().out().delivery();
            if (o.error() == null) {
                receipts.add(NoticeRows.Receipt.of(o.prepared().out(), d.attempts() + 1));
                channels.put(d.id(), d.channel());
            } else if (failed(o.prepared().out(), o.error(), events)) {
                parkedNow.add(o);
            }
        }
        // only a delivery still pending counts its receipt: a replayed duplicate changes nothing
        for (UUID delivered : rows.delivered(tenant, receipts, clock.instant())) {
            events.add(LogEvent.success(tenant, null, "notice.delivered", object(delivered, channels.get(delivered))));
        }
        log.recordAll(events);
        return parkedNow;
    }

    private static String object(UUID deliveryId, Channel channel) {
        return "delivery:" + deliveryId + "/" + channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Records a failed attempt; returns whether it parked the delivery. Its log entries go to {@code events}. */
    private boolean failed(NoticeRows.Outgoing out, String error, List<LogEvent> events) {
        var d = out.delivery();
        int attempts = d.attempts() + 1;
        Instant next = backoff.next(clock.instant(), attempts);
        UUID tenant = d.tenantId();
        if (!rows.failed(tenant, d.id(), attempts, error, next)) {
            return false;
        }
        String object = object(d.id(), d.channel());
        events.add(LogEvent.of(tenant, null, "notice.delivery.attempted").object(object + "/" + error).failed());
        if (next == null) {
            events.add(LogEvent.of(tenant, null, "notice.delivery.parked").object(object).failed());
            return true;
        }
        return false;
    }

    /** The provider's security officers learn of a parked delivery in their inbox (which cannot itself fail). */
    private void alertSecurityOfficers(dev.steward.notices.Delivery d, String error) {
        inbox.insert(DataScope.PROVIDER_TENANT, UUID.randomUUID(), Topic.OPERATIONS, EnumSet.of(Role.SECURITY_OFFICER),
                "A notice could not be delivered",
                "Delivery " + d.id() + " of tenant " + d.tenantId() + " (" + d.channel() + ") was parked after "
                        + (d.attempts() + 1) + " attempts; the last failed with " + error
                        + ". Replay it from Notice deliveries once the receiver is fixed.",
                clock.instant());
    }
}
