package dev.steward.bench.notices;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 9's figures for notices: Standard Webhooks delivery throughput and commit-to-receipt
 * latency. The code measured (Notices#notify writing the outbox in the caller's transaction, the
 * jobs runner, DeliveryJob, WebhookChannel, the tenant's keyring and system log) lives in the
 * server's Boot jar and cannot be called as a library, so the measurement is the server's test
 * {@code NoticeDeliveryBenchmark}, run here through Maven in the server's test context on
 * PostgreSQL; its figures come back in a tab-separated file.
 */
public final class NoticesBench implements Benchmark {

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public String description() {
        return "Webhook delivery of notices on the real server code (the server's NoticeDeliveryBenchmark in its Spring "
                + "test context, PostgreSQL 127.0.0.1 in a database of its own, row-level security on, app role): one "
                + "tenant, one verified endpoint on a real HTTP listener in the same JVM (com.sun.net.httpserver, 16 "
                + "handler threads, answers {} at once, takes each webhook-id once and counts duplicates). Each notice "
                + "is Notices#notify in the caller's transaction (notice, one WEBHOOK delivery, system-log entry); the "
                + "worker is JobRunner#runDueJobs called every 50 ms as the jobs poller calls it, with "
                + "steward.notices.deliver-interval=PT0.05S (production defaults: PT10S poll and interval) and the "
                + "defaults deliver-batch=100, deliver-concurrency=8; each delivery opens the signing secret, POSTs "
                + "signed (java.net.http.HttpClient) and records the receipt (row + system-log entry). Baseline, same "
                + "run: a bare loop POSTing 10,000 copies of a real delivery's body with the same headers, signed per "
                + "request, on an HttpClient built as WebhookChannel builds its own, from 8 threads (the worker's "
                + "concurrency). Throughput: 10,000 notices committed 100 per transaction by 4 threads, first commit to "
                + "last receipt. Latency: 10,000 notices offered open loop, one per transaction (4 committing threads), "
                + "at 80 % of the measured throughput; commit (transaction returned) to receipt. 1,000 of each path "
                + "first as warm-up. Listener, worker, server and PostgreSQL share the machine's cores.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path out = context.workDirectory().resolve("notices-figures.tsv");
        Path log = context.workDirectory().resolve("notices-bench.log");
        Path root = context.repositoryRoot();
        // -am: the server's sibling modules come from this checkout, never from whatever ~/.m2 holds.
        List<String> command = List.of(root.resolve("mvnw").toString(), "-B", "-q", "-o", "-pl", "server", "-am", "test",
                "-Dtest=NoticeDeliveryBenchmark", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Dsteward.bench.notices.out=" + out.toAbsolutePath());
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (p.waitFor() != 0 || !Files.exists(out)) {
            throw new IllegalStateException("NoticeDeliveryBenchmark failed; its output:\n" + tail(log));
        }
        List<Figure> figures = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            String[] f = line.split("\t", -1);
            figures.add(new Figure(f[0], Double.parseDouble(f[1]), f[2], f[3], Double.parseDouble(f[4]), f[5]));
        }
        return figures;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
