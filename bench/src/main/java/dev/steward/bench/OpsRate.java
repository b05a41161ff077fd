package dev.steward.bench;

import java.time.Duration;

/** Single-threaded operations per second of a small operation, after a warm-up, in one closed loop. */
public final class OpsRate {

    /** One operation; {@code i} counts up, the result is summed so the JIT cannot drop the work. */
    @FunctionalInterface
    public interface Op {
        int run(int i) throws Exception;
    }

    private OpsRate() {
    }

    public static double measure(Op op, Duration warmUp, Duration measure) throws Exception {
        long sink = 0;
        int i = 0;
        long end = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < end) {
            sink += op.run(i++);
        }
        long start = System.nanoTime();
        end = start + measure.toNanos();
        long n = 0;
        long now;
        do {
            for (int k = 0; k < 64; k++) {
                sink += op.run(i++);
            }
            n += 64;
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42) {
            System.out.print("");
        }
        return n / ((now - start) / 1e9);
    }
}
