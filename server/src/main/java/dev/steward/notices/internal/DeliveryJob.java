package dev.steward.notices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The notices worker ({@code notices.deliver}, run once across nodes by {@code jobs}): sends each
 * due delivery outside any transaction, then records the attempt, the receipt or the parking in
 * the tenant's rows and system log in one transaction. A node dying between sending and recording
 * sends again later under the same delivery id, which the receiver uses to take it once.
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

    /** Up to {@code concurrency} attempts at once; the first failure to record is thrown after all have ended. */
    private void attemptAll(List<NoticeRows.DeliveryKey> due) {
        if (pace.concurrency() == 1 || due.size() <= 1) {
            due.forEach(key -> TenantScope.run(DataScope.tenant(key.tenantId()), () -> attempt(key)));
            return;
        }
        List<Future<?>> attempts = new ArrayList<>(due.size());
        // A pool per batch, not per bean: an idle worker holds no threads, and closing waits for the batch.
        try (ExecutorService senders = Executors.newFixedThreadPool(Math.min(pace.concurrency(), due.size()),
                Thread.ofPlatform().name("notices-deliver-", 1).daemon().factory())) {
            for (NoticeRows.DeliveryKey key : due) {
                attempts.add(senders.submit(() -> TenantScope.run(DataScope.tenant(key.tenantId()), () -> attempt(key))));
            }
        }
        RuntimeException first = null;
        for (Future<?> attempt : attempts) {
            try {
                attempt.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (first == null) {
                    first = cause;
                } else {
                    first.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while delivering", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private record Prepared(NoticeRows.Outgoing out, String url, List<String> secrets) {
    }

    private void attempt(NoticeRows.DeliveryKey key) {
        Prepared p = tx.execute(s -> prepare(key));
        if (p == null) {
            return;
        }
        String failure = null;
        try {
            send(p);
            observers.forEach(o -> o.sent(p.out().delivery()));
        } catch (DeliveryFailed e) {
            failure = e.kind();
            LOG.debug("delivery {} failed: {}", key.deliveryId(), e.kind(), e.getCause());
        }
        String error = failure;
        Boolean parkedNow = tx.execute(s -> record(p.out(), error));
        if (Boolean.TRUE.equals(parkedNow)) {
            // A transaction of its own, in the provider's scope: row-level security binds a transaction to one tenant.
            TenantScope.run(DataScope.tenant(DataScope.PROVIDER_TENANT),
                    () -> tx.executeWithoutResult(s -> alertSecurityOfficers(p.out().delivery(), error)));
            parked.increment();
        }
    }

    private Prepared prepare(NoticeRows.DeliveryKey key) {
        var out = rows.outgoing(key.tenantId(), key.deliveryId()).orElse(null);
        if (out == null || out.delivery().state() != DeliveryState.PENDING) {
            return null;
        }
        if (out.delivery().channel() != Channel.WEBHOOK) {
            return new Prepared(out, null, List.of());
        }
        var sealed = webhooks.find(key.tenantId(), UUID.fromString(out.delivery().recipient())).orElse(null);
        if (sealed == null) {
            return new Prepared(out, null, List.of());
        }
        return new Prepared(out, sealed.endpoint().url(), keys.signingSecrets(key.tenantId(), sealed, clock.instant()));
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

    /** Returns whether this attempt parked the delivery. */
    private boolean record(NoticeRows.Outgoing out, String error) {
        var d = out.delivery();
        int attempts = d.attempts() + 1;
        Instant now = clock.instant();
        String object = "delivery:" + d.id() + "/" + d.channel().name().toLowerCase(java.util.Locale.ROOT);
        UUID tenant = d.tenantId();
        if (error == null) {
            if (rows.delivered(tenant, d.id(), attempts, now)) {
                log.record(LogEvent.success(tenant, null, "notice.delivered", object));
            }
            return false;
        }
        Instant next = backoff.next(now, attempts);
        if (!rows.failed(tenant, d.id(), attempts, error, next)) {
            return false;
        }
        log.record(LogEvent.of(tenant, null, "notice.delivery.attempted").object(object + "/" + error).failed());
        if (next == null) {
            log.record(LogEvent.of(tenant, null, "notice.delivery.parked").object(object).failed());
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
