package dev.steward.notices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.steward.notices.internal.WebhookSignature;

/**
 * The baseline of the notices benchmark: what the same HTTP client can POST to the same listener
 * with nothing else to do. Each request is what the worker sends (the body of a real delivery, the
 * Standard Webhooks headers, signed per request), on a {@link HttpClient} built as
 * {@code WebhookChannel} builds its own, from as many threads as the worker has deliveries in flight.
 */
final class BarePostLoop {

    /** Its webhook-ids: taken once by the listener like a delivery's, but not counted as notices. */
    static final String ID_PREFIX = "msg_bare_";
    private static final int MAX_ANSWER = 64 * 1024;

    private final URI url;
    private final String secret;
    private final String body;
    private final int threads;
    private final Duration timeout;
    private final HttpClient http;

    BarePostLoop(String url, String secret, String body, int threads, Duration timeout) {
        this.url = URI.create(url);
        this.secret = secret;
        this.body = body;
        this.threads = threads;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs {@code count} webhooks from {@link #threads} closed loops; returns requests answered 2xx per second. */
    double run(BenchWebhookListener listener, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                loops.add(pool.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        post();
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            pool.shutdown();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void post() throws IOException, InterruptedException {
        String id = ID_PREFIX + UUID.randomUUID();
        long timestamp = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.header(List.of(secret), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            in.readNBytes(MAX_ANSWER);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the listener answered " + response.statusCode());
        }
    }
}
