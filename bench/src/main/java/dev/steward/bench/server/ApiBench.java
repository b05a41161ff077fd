package dev.steward.bench.server;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import dev.steward.bench.server.ServerProcess.Launch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Authenticated API reads against the unauthenticated ping of the same server, closed loop over
 * loopback HTTPS with the JDK HttpClient.
 */
public final class ApiBench implements Benchmark {

    /** The demo customer tenant created on first start (dev.steward.identity.FirstStart). */
    private static final String DEMO_TENANT = "00000000-0000-0000-0000-00000000d3e0";
    private final int workers = Integer.getInteger("steward.bench.workers", 32);
    private final long warmUpNanos = Long.getLong("steward.bench.warmUpSeconds", 20) * 1_000_000_000L;
    private final long measureNanos = Long.getLong("steward.bench.measureSeconds", 21) * 1_000_000_000L;

    private static final int ROUNDS = 3;

    /** Requests, errors and latencies of one endpoint, summed over measured intervals. */
    private static final class Result {
        final String label;
        final LatencyHistogram latencies = new LatencyHistogram();
        long errors;
        double seconds;

        Result(String label) {
            this.label = label;
        }

        static Result empty(String label) {
            return new Result(label);
        }

        void add(Result other) {
            latencies.add(other.latencies);
            errors += other.errors;
            seconds += other.seconds;
        }

        double perSecond() {
            return latencies.count() / seconds;
        }

        double p50() {
            return latencies.quantileMillis(0.50);
        }

        double p99() {
            return latencies.quantileMillis(0.99);
        }

        void print() {
            System.out.printf("%-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  errors %d%n", label,
                    perSecond(), p50(), p99(), latencies.maxMillis(), errors);
        }
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public String description() {
        return "Closed-loop load over loopback HTTPS (TLS 1.3, HTTP/1.1 keep-alive): " + workers + " virtual-thread "
                + "workers share one JDK HttpClient, each sending its next request when the previous answer arrives; "
                + (warmUpNanos / 1_000_000_000L) + " s warm-up over all endpoints, then " + (measureNanos / 1_000_000_000L)
                + " s measured per endpoint in " + ROUNDS + " interleaved rounds, latencies in 10 µs buckets. The server is started by `./steward serve` "
                + "(embedded H2, defaults) with a bootstrap operator API token. Authenticated reads: "
                + "`GET /api/v1/tenant` (the caller's tenant) and `GET /api/v1/tenants/{id}` (the demo tenant), each "
                + "through bearer-token authentication (token cached 5 s), tenant scope and a database read; "
                + "baseline: the unauthenticated `GET /api/v1/ping` of the same server in the same run. Client and "
                + "server share the machine's 2 cores (also shared with other builds; load average in the figure "
                + "names), so absolute rates are a lower bound for a dedicated server; the ratio is the fairer figure.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path data = context.workDirectory().resolve("data");
        Files.createDirectories(data);
        Path tokenFile = data.resolve("token");
        String loadBefore = StartupBench.loadAverage();
        try (ServerProcess server = ServerProcess.start(context.repositoryRoot(), Launch.LAUNCHER, List.of(), data,
                List.of("--steward.bootstrap.api-token-file=" + tokenFile), context.workDirectory().resolve("api.log"))) {
            server.awaitReady(Duration.ofMinutes(3));
            String token = Files.readString(tokenFile).strip();
            HttpClient client = ServerProcess.trustingClient(Duration.ofSeconds(5));
            HttpRequest ping = HttpRequest.newBuilder(server.uri("/api/v1/ping")).GET().build();
            HttpRequest own = authorized(server.uri("/api/v1/tenant"), token);
            HttpRequest byId = authorized(server.uri("/api/v1/tenants/" + DEMO_TENANT), token);
            for (HttpRequest r : List.of(ping, own, byId)) {
                HttpResponse<String> answer = client.send(r, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(r.uri() + " answered " + answer.statusCode() + ": " + answer.body());
                }
            }
            // Warm every path first so that the JIT has seen all of them before anything is measured, then
            // measure in interleaved rounds so that drifting machine load hits all endpoints alike.
            for (HttpRequest r : List.of(ping, own, byId)) {
                load(client, r, warmUpNanos / 3, "warm-up " + r.uri().getPath()).print();
            }
            Result bare = Result.empty("GET /api/v1/ping");
            Result tenant = Result.empty("GET /api/v1/tenant");
            Result tenantById = Result.empty("GET /api/v1/tenants/{id}");
            for (int round = 0; round < ROUNDS; round++) {
                bare.add(load(client, ping, measureNanos / ROUNDS, "ping"));
                tenant.add(load(client, own, measureNanos / ROUNDS, "tenant"));
                tenantById.add(load(client, byId, measureNanos / ROUNDS, "tenants/{id}"));
            }
            for (Result r : List.of(bare, tenant, tenantById)) {
                r.print();
            }
            String load = "load " + loadBefore + " -> " + StartupBench.loadAverage();
            String base = "GET /api/v1/ping, no auth, same server";
            List<Figure> figures = new ArrayList<>();
            figures.add(Figure.against("GET /api/v1/tenant, bearer token, throughput (" + load + ")",
                    tenant.perSecond(), "req/s", base, bare.perSecond(), ">= 5,000 req/s and ratio >= 0.6"));
            figures.add(Figure.against("GET /api/v1/tenant p50", tenant.p50(), "ms", base + " p50", bare.p50(), ""));
            figures.add(Figure.against("GET /api/v1/tenant p99", tenant.p99(), "ms", base + " p99", bare.p99(),
                    "<= 20 ms"));
            figures.add(Figure.against("GET /api/v1/tenants/{id}, bearer token, throughput", tenantById.perSecond(),
                    "req/s", base, bare.perSecond(), ">= 5,000 req/s and ratio >= 0.6"));
            figures.add(Figure.against("GET /api/v1/tenants/{id} p50", tenantById.p50(), "ms", base + " p50",
                    bare.p50(), ""));
            figures.add(Figure.against("GET /api/v1/tenants/{id} p99", tenantById.p99(), "ms", base + " p99",
                    bare.p99(), "<= 20 ms"));
            figures.add(Figure.of("non-200 answers or errors, all measured intervals",
                    bare.errors + tenant.errors + tenantById.errors, "count", "0"));
            return figures;
        }
    }

    private static HttpRequest authorized(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    }

    private Result load(HttpClient client, HttpRequest request, long durationNanos, String label)
            throws InterruptedException {
        List<LatencyHistogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + durationNanos;
        for (int w = 0; w < workers; w++) {
            LatencyHistogram h = new LatencyHistogram();
            histograms.add(h);
            threads.add(Thread.ofVirtual().start(() -> {
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        return;
                    }
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    h.record(System.nanoTime() - t0);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Result r = new Result(label);
        r.seconds = (System.nanoTime() - start) / 1e9;
        histograms.forEach(r.latencies::add);
        r.errors = errors.get();
        return r;
    }
}
