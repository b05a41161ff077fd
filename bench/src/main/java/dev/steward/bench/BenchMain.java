package dev.steward.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code ./steward bench NAME}: runs one benchmark, writes {@code bench/results/NAME.json} and
 * refreshes its section of {@code BENCHMARKS.md}.
 */
public final class BenchMain {

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> known = new TreeMap<>();
        ServiceLoader.load(Benchmark.class).forEach(b -> known.put(b.name(), b));
        if (args.length != 1 || !known.containsKey(args[0])) {
            System.err.println("usage: steward bench NAME, where NAME is one of " + known.keySet());
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("steward.root", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("steward-bench-");
        String pg = System.getenv().getOrDefault("STEWARD_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        Benchmark benchmark = known.get(args[0]);
        try {
            System.out.println("bench " + benchmark.name() + ": " + benchmark.description());
            List<Figure> figures = benchmark.run(new BenchContext(root, work, pg));
            Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String machine = machine();
            Results.writeJson(root.resolve("bench/results/" + benchmark.name() + ".json"), benchmark, date, machine,
                    figures);
            Results.refreshMarkdown(root.resolve("BENCHMARKS.md"), benchmark, date, machine, figures);
            figures.forEach(f -> System.out.println(Results.line(f)));
        } finally {
            deleteTree(work);
        }
        System.exit(0);
    }

    private static String machine() throws IOException {
        String cpu = "unknown cpu";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            }
        }
        return "%s, %d cores, %d MiB max heap, Java %s, host %s".formatted(cpu,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.version(), InetAddress.getLocalHost().getHostName());
    }

    private static void deleteTree(Path dir) throws IOException {
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
