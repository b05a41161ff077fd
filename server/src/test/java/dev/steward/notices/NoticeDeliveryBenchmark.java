package dev.steward.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.jobs.JobRunner;
import dev.steward.notices.internal.DeliveryPace;
import dev.steward.notices.internal.NoticeSettings;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The figures of {@code ./steward bench notices} (issue 9), on the real code in the server's test
 * context on PostgreSQL (a database of its own, dropped afterwards): Standard Webhooks deliveries of
 * one tenant to one verified endpoint, a real HTTP listener in this JVM
 * ({@link BenchWebhookListener}), against a bare POST loop to the same listener in the same run.
 * Runs only when {@code steward.bench.notices.out} names the file the figures go to (tab-separated).
 *
 * <p>The worker runs as in production, {@link JobRunner#runDueJobs()} called at a fixed delay as the
 * jobs poller calls it, with the test context's background poller off; {@link #POLL} stands for
 * {@code steward.jobs.poll-interval}, and {@code steward.notices.deliver-interval} is set to the same.
 */
@ActiveProfiles(Db.POSTGRES)
@EnabledIfSystemProperty(named = "steward.bench.notices.out", matches = ".+")
@TestPropertySource(properties = "steward.notices.deliver-interval=" + NoticeDeliveryBenchmark.POLL_TEXT)
class NoticeDeliveryBenchmark extends IntegrationTestBase {

    static final String POLL_TEXT = "PT0.05S";
    static final Duration POLL = Duration.parse(POLL_TEXT);
    static final int NOTICES = Integer.getInteger("steward.bench.notices.count", 10_000);
    static final int WARM_UP = 1_000;
    /** Notices per transaction in the throughput run, as a bulk act of a feature would write them. */
    static final int PER_TRANSACTION = 100;
    /** Threads committing notices: in the open loop, so that a slow commit does not delay the next offer. */
    static final int COMMITTERS = 4;
    static final double LOAD = 0.8;
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

    @Autowired
    Notices notices;
    @Autowired
    JobRunner jobs;
    @Autowired
    DeliveryPace pace;
    @Autowired
    NoticeSettings settings;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void webhookDeliveryOfTenThousandNoticesAgainstABarePostLoop() throws Exception {
        Tenant tenant = fixtures.tenant();
        String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
        try (BenchWebhookListener listener = new BenchWebhookListener()) {
            String secret = verifiedEndpoint(admin, listener.url());
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("bench-jobs").daemon().factory());
            poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
            try {
                // warm-up: both paths, not measured
                throughput(tenant, listener, WARM_UP);
                String body = listener.sampleBody();
                BarePostLoop bare = new BarePostLoop(listener.url(), secret, body, pace.concurrency(),
                        settings.webhookTimeout());
                bare.run(listener, WARM_UP);

                double bareRate = bare.run(listener, NOTICES);
                System.out.println("bench notices: bare loop " + fmt(bareRate) + " requests/s");
                Throughput max = throughput(tenant, listener, NOTICES);
                System.out.println("bench notices: " + max);
                Latency latency = openLoop(tenant, listener, LOAD * max.rate());
                System.out.println("bench notices: " + latency);
                int expected = WARM_UP + 2 * NOTICES;
                long delivered = awaitRecorded(tenant, expected);

                String workerSetting = "worker: batch " + pace.batch() + ", " + pace.concurrency()
                        + " in flight, runs every " + POLL.toMillis() + " ms";
                String bareName = "bare POST loop, same client type, body of " + body.length() + " bytes, "
                        + pace.concurrency() + " threads";
                List<String> rows = new ArrayList<>();
                rows.add(row("webhook deliveries/s, " + fmt(NOTICES) + " notices committed " + PER_TRANSACTION
                        + " per transaction by " + COMMITTERS + " threads, first commit to last receipt, " + workerSetting, max.rate(), "notices/s",
                        bareName, bareRate, ">= 0.5 x baseline"));
                rows.add(row("commit-to-receipt p50, open loop at " + Math.round(LOAD * 100) + " % of that ("
                        + fmt(latency.offered()) + " notices/s offered, " + fmt(NOTICES) + " notices, one per transaction)", latency.p50(),
                        "ms", "", Double.NaN, ""));
                rows.add(row("commit-to-receipt p99, same run", latency.p99(), "ms", "", Double.NaN, "<= 1000 ms"));
                rows.add(row("commit-to-receipt max, same run", latency.max(), "ms", "", Double.NaN, ""));
                rows.add(row("notices committed/s in the open loop (offered " + fmt(latency.offered()) + ")",
                        latency.committed(), "notices/s", "", Double.NaN, ""));
                rows.add(row("notices committed/s in the throughput run (" + PER_TRANSACTION + " per transaction, " + COMMITTERS
                        + " threads)",
                        max.committed(), "notices/s", "", Double.NaN, ""));
                rows.add(row("webhook-ids received more than once (all runs, " + expected + " notices)",
                        listener.duplicates(), "receipts", "", Double.NaN, "0"));
                Files.write(Path.of(System.getProperty("steward.bench.notices.out")), rows);
                // after the figures are written: a missed check fails the run but keeps what was measured
                assertThat(listener.duplicates()).as("a webhook-id received twice").isZero();
                assertThat(listener.notices()).isEqualTo(expected);
                assertThat(delivered).isEqualTo(expected);
            } finally {
                poller.shutdownNow();
                poller.awaitTermination(1, TimeUnit.MINUTES);
            }
        }
    }

    /** As the jobs poller does: a failing look is logged by the runner and the next one tries again. */
    private void poll() {
        try {
            jobs.runDueJobs();
        } catch (RuntimeException e) {
            System.err.println("bench: looking for due jobs failed: " + e);
        }
    }

    /** The receipts recorded; the last ones commit a moment after the listener has answered. */
    private long awaitRecorded(Tenant t, long expected) {
        try {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> recorded(t), delivered -> delivered >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException stillShort) {
            // the figures are written first and the shortfall fails the run after them
        }
        return recorded(t);
    }

    private long recorded(Tenant t) {
        return TenantScope.call(DataScope.tenant(t.id()), () -> jdbc.sql(
                "SELECT COUNT(*) FROM notice_deliveries WHERE tenant_id = ? AND channel = 'WEBHOOK' "
                        + "AND state = 'DELIVERED'").param(t.id()).query(Long.class).single());
    }

    private String verifiedEndpoint(String admin, String url) {
        Response created = api.post(admin, "/api/v1/notices/webhooks", Map.of("url", url));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("endpoint").get("id").asString();
        Response verified = api.post(admin, "/api/v1/notices/webhooks/" + id + "/verify", null);
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return created.json().get("secret").asString();
    }

    private UUID notifyOne(Tenant t, int n) {
        return notices.notify(new NoticeRequest(t.id(), Topic.OPERATIONS, Audience.of(Set.of(), ContactKind.OPERATIONS),
                "Bench notice " + n, "Notice " + n + " of the delivery benchmark: a short operational message."));
    }

    record Throughput(double rate, double committed) {
    }

    /**
     * Commits {@code count} notices, {@link #PER_TRANSACTION} per transaction from {@link #COMMITTERS}
     * threads (as concurrent requests of a feature would), and waits for every receipt.
     */
    private Throughput throughput(Tenant t, BenchWebhookListener listener, int count) throws Exception {
        listener.expect(count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService committers = Executors.newFixedThreadPool(COMMITTERS);
        long start = System.nanoTime();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < COMMITTERS; c++) {
                loops.add(committers.submit(() -> {
                    for (int from = next.getAndAdd(PER_TRANSACTION); from < count; from = next.getAndAdd(PER_TRANSACTION)) {
                        int first = from;
                        List<UUID> ids = TenantScope.call(DataScope.tenant(t.id()), () -> tx.execute(s -> {
                            List<UUID> batch = new ArrayList<>(PER_TRANSACTION);
                            for (int i = first; i < Math.min(count, first + PER_TRANSACTION); i++) {
                                batch.add(notifyOne(t, i));
                            }
                            return batch;
                        }));
                        listener.committed(ids, System.nanoTime());
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            committers.shutdown();
        }
        long committedAt = System.nanoTime();
        long last = listener.awaitAll(DRAIN_LIMIT);
        return new Throughput(count / ((last - start) / 1e9), count / ((committedAt - start) / 1e9));
    }

    record Latency(double offered, double committed, double p50, double p99, double max) {
    }

    /** Offers one notice per transaction at {@code rate}, on schedule whether or not earlier ones are done. */
    private Latency openLoop(Tenant t, BenchWebhookListener listener, double rate) throws Exception {
        listener.expect(NOTICES);
        ExecutorService committers = Executors.newFixedThreadPool(COMMITTERS);
        List<Future<?>> offers = new ArrayList<>(NOTICES);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < NOTICES; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int n = i;
                offers.add(committers.submit(() -> {
                    try {
                        UUID id = TenantScope.call(DataScope.tenant(t.id()), () -> tx.execute(s -> notifyOne(t, n)));
                        listener.committed(List.of(id), System.nanoTime());
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        throw e;
                    }
                }));
            }
            for (Future<?> offer : offers) {
                offer.get();
            }
        } finally {
            committers.shutdown();
        }
        double committed = NOTICES / ((System.nanoTime() - start) / 1e9);
        assertThat(failed.get()).isZero();
        listener.awaitAll(DRAIN_LIMIT);
        double[] ms = listener.latenciesMillis();
        Arrays.sort(ms);
        return new Latency(rate, committed, percentile(ms, 0.50), percentile(ms, 0.99), ms[ms.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String row(String name, double value, String unit, String baseline, double baselineValue,
            String goal) {
        return String.join("\t", name, Double.toString(value), unit, baseline, Double.toString(baselineValue), goal);
    }
}
