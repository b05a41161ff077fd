package dev.steward.notices.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential ("first, 2·first, 4·first, ... up to max")
 * with equal jitter (a uniform draw in the upper half of that delay), so receivers recovering
 * from an outage are not hit by every sender at the same instant; null once the attempts are spent.
 */
public final class Backoff {

    private final NoticeSettings settings;
    private final RandomGenerator random;

    public Backoff(NoticeSettings settings, RandomGenerator random) {
        this.settings = settings;
        this.random = random;
    }

    /** The next attempt after {@code attempts} failed ones, or null to park. */
    public Instant next(Instant now, int attempts) {
        if (attempts >= settings.maxAttempts()) {
            return null;
        }
        long delay = ceiling(attempts).toMillis();
        long half = delay / 2;
        return now.plusMillis(delay - half + random.nextLong(half + 1));
    }

    /** The un-jittered delay after {@code attempts} failed ones: the most {@link #next} waits. */
    public Duration ceiling(int attempts) {
        Duration d = settings.firstRetry();
        for (int i = 1; i < attempts && d.compareTo(settings.maxRetry()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : d;
    }
}
