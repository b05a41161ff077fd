package dev.steward.bench;

/** Placeholder replaced by the benchmark runner. */
public final class BenchMain {
    public static void main(String[] args) {
        System.out.println("no benchmarks yet");
    }
}
