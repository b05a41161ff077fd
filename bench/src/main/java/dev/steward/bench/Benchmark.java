package dev.steward.bench;

import java.util.List;

/**
 * One benchmark run by {@code ./steward bench NAME}. An implementation measures its subject and
 * its baseline in the same run and returns one figure per measured quantity.
 * Implementations are listed in {@code META-INF/services/dev.steward.bench.Benchmark}.
 */
public interface Benchmark {

    /** The name given on the command line, also the file name under {@code bench/results/}. */
    String name();

    /** One line saying what is measured, shown above the table in BENCHMARKS.md. */
    String description();

    List<Figure> run(BenchContext context) throws Exception;
}
