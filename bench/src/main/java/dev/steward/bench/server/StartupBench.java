package dev.steward.bench.server;

import dev.steward.bench.BenchContext;
import dev.steward.bench.Benchmark;
import dev.steward.bench.Figure;
import dev.steward.bench.server.ServerProcess.Launch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Start to ready of the embedded default (H2 file storage in a fresh data directory) under
 * {@code -Xmx256m}, through {@code ./steward serve} as an operator runs it, against the JVM alone.
 */
public final class StartupBench implements Benchmark {

    private static final List<String> HEAP = List.of("-Xmx256m");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String GOAL = "<= 4 s";

    private final int runs = Integer.getInteger("steward.bench.runs", 5);
    private final int plainRuns = Integer.getInteger("steward.bench.plainRuns", 3);

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public String description() {
        return "Seconds from launching the server (`-Xmx256m`, H2 file storage, HTTPS) until "
                + "`/actuator/health/readiness` answers 200, polled every 20 ms by a trust-all HTTPS client. "
                + "*First start* uses a fresh data directory (creates the database, TLS certificate, provider and "
                + "demo accounts); *restart* reuses it. Medians of " + runs + " runs through `./steward serve` "
                + "(which uses a JDK 25 AOT cache trained once per build, see the launcher) and of " + plainRuns
                + " runs of plain `java -jar` for comparison, interleaved. The one-time cost of the first `serve` "
                + "after a build (extracting the jar and a training run) is reported on its own. Baseline: the "
                + "JVM alone, `java -Xmx256m -version`, start to exit (median of 5). Two cores shared with other "
                + "builds; the load average is in the figure names.";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        Path root = context.repositoryRoot();
        double jvm = median(jvmAlone(5));
        System.out.printf("JVM alone: %.2f s%n", jvm);

        deleteTree(root.resolve("server/target/aot"));
        double training = startStop(context, Launch.LAUNCHER, context.workDirectory().resolve("training"), "training");
        System.out.printf("first serve after a build (incl. start-up cache training): %.2f s%n", training);

        double[] launcherFirst = new double[runs];
        double[] launcherRestart = new double[runs];
        double[] plainFirst = new double[plainRuns];
        double[] plainRestart = new double[plainRuns];
        for (int i = 0; i < Math.max(runs, plainRuns); i++) {
            if (i < plainRuns) {
                Path data = context.workDirectory().resolve("plain-" + i);
                plainFirst[i] = startStop(context, Launch.PLAIN_JAR, data, "plain-first-" + i);
                plainRestart[i] = startStop(context, Launch.PLAIN_JAR, data, "plain-restart-" + i);
                System.out.printf("plain java -jar: first %.2f s, restart %.2f s%n", plainFirst[i], plainRestart[i]);
                deleteTree(data);
            }
            if (i < runs) {
                Path data = context.workDirectory().resolve("serve-" + i);
                launcherFirst[i] = startStop(context, Launch.LAUNCHER, data, "serve-first-" + i);
                launcherRestart[i] = startStop(context, Launch.LAUNCHER, data, "serve-restart-" + i);
                System.out.printf("./steward serve: first %.2f s, restart %.2f s%n", launcherFirst[i],
                        launcherRestart[i]);
                deleteTree(data);
            }
        }
        String load = "load " + loadAverage();
        String baseline = "JVM alone (java -Xmx256m -version)";
        return List.of(
                Figure.against("first start to ready, ./steward serve (" + load + ")", median(launcherFirst), "s",
                        baseline, jvm, GOAL),
                Figure.against("restart to ready, ./steward serve", median(launcherRestart), "s", baseline, jvm, GOAL),
                Figure.against("first start to ready, plain java -jar (no AOT cache)", median(plainFirst), "s",
                        baseline, jvm, ""),
                Figure.against("restart to ready, plain java -jar (no AOT cache)", median(plainRestart), "s",
                        baseline, jvm, ""),
                Figure.of("first ./steward serve after a build (one-time: extract + training run + start)", training,
                        "s", ""));
    }

    private double startStop(BenchContext context, Launch launch, Path data, String label) throws Exception {
        Files.createDirectories(data);
        Path log = context.workDirectory().resolve(label + ".log");
        try (ServerProcess server = ServerProcess.start(context.repositoryRoot(), launch, HEAP, data, List.of(), log)) {
            return server.awaitReady(TIMEOUT);
        }
    }

    private static double[] jvmAlone(int n) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        return s;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
