package dev.steward.notices;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * The receiver of the notices benchmark: a real HTTP listener that takes each {@code webhook-id}
 * once (counting any second arrival as a duplicate), notes when each notice arrived and answers
 * {@code {}} at once; a verification challenge is echoed. One run at a time: {@link #expect} starts
 * one, {@link #committed} tells it when each notice was committed, {@link #awaitAll} waits for it.
 */
final class BenchWebhookListener implements AutoCloseable {

    private static final String NOTICE_ID = "\"noticeId\":\"";
    private static final byte[] RECEIPT = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger notices = new AtomicInteger();
    private final AtomicReference<String> sample = new AtomicReference<>();
    private volatile Run run = new Run(0);

    /** One run's receipts, its commit instants (System.nanoTime) and the instant of its last receipt. */
    private static final class Run {
        final int expected;
        final Map<UUID, Long> commits = new ConcurrentHashMap<>();
        final Map<UUID, Long> receipts = new ConcurrentHashMap<>();
        final Semaphore arrived = new Semaphore(0);
        final AtomicLong last = new AtomicLong();

        Run(int expected) {
            this.expected = expected;
        }
    }

    BenchWebhookListener() throws IOException {
        // Enough handler threads that the listener never queues what the worker and the bare loop send.
        handlers = Executors.newFixedThreadPool(16, Thread.ofPlatform().name("bench-listener-", 1).daemon().factory());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(handlers);
        server.createContext("/hook", exchange -> {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            long at = System.nanoTime();
            String body = new String(bytes, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            byte[] answer = RECEIPT;
            if (body.contains("\"webhook.verification\"")) {
                answer = bytes;
            } else if (!webhookIds.add(id)) {
                duplicates.incrementAndGet();
            } else if (!id.startsWith(BarePostLoop.ID_PREFIX)) {
                received(body, at);
            }
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    private void received(String body, long at) {
        int from = body.indexOf(NOTICE_ID) + NOTICE_ID.length();
        UUID notice = UUID.fromString(body.substring(from, from + 36));
        sample.compareAndSet(null, body);
        notices.incrementAndGet();
        Run r = run;
        r.receipts.put(notice, at);
        r.last.accumulateAndGet(at, Math::max);
        r.arrived.release();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Starts a run of {@code count} notices; the previous run must be complete. */
    void expect(int count) {
        run = new Run(count);
    }

    void committed(Collection<UUID> noticeIds, long nanos) {
        Run r = run;
        noticeIds.forEach(id -> r.commits.put(id, nanos));
    }

    /** Waits for every notice of the run; returns the System.nanoTime of the last receipt. */
    long awaitAll(Duration limit) throws InterruptedException {
        Run r = run;
        if (!r.arrived.tryAcquire(r.expected, limit.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(r.receipts.size() + " of " + r.expected + " notices received within " + limit);
        }
        return r.last.get();
    }

    /**
     * Commit to receipt of each notice of the run, in milliseconds. The commit instant is taken when
     * the transaction has returned, so a notice the worker took at once may show as received a hair
     * before: that is counted as 0.
     */
    double[] latenciesMillis() {
        Run r = run;
        return r.receipts.entrySet().stream().mapToDouble(e -> {
            Long committed = r.commits.get(e.getKey());
            if (committed == null) {
                throw new IllegalStateException("notice " + e.getKey() + " received but never committed in this run");
            }
            return Math.max(0, e.getValue() - committed) / 1e6;
        }).toArray();
    }

    /** The body of a real delivery, so the bare loop sends what the worker sends. */
    String sampleBody() {
        return sample.get();
    }

    int duplicates() {
        return duplicates.get();
    }

    int notices() {
        return notices.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
