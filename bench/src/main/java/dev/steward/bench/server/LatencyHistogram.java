package dev.steward.bench.server;

/**
 * Latencies in 10 µs buckets up to 500 ms (slower ones land in the last bucket, and the maximum is
 * kept exactly). One per worker thread, merged afterwards; no locking.
 */
final class LatencyHistogram {

    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 50_000;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long maxNanos;

    void record(long nanos) {
        int i = (int) Math.min(BUCKETS - 1, Math.max(0, nanos / BUCKET_NANOS));
        counts[i]++;
        total++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        maxNanos = Math.max(maxNanos, other.maxNanos);
    }

    long count() {
        return total;
    }

    /** The upper edge of the bucket holding the given quantile, in milliseconds. */
    double quantileMillis(double q) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i == BUCKETS - 1 ? maxNanos / 1e6 : (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return maxNanos / 1e6;
    }

    double maxMillis() {
        return maxNanos / 1e6;
    }
}
