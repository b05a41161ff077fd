package dev.steward.notices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Exponential backoff with equal jitter: in the upper half of a doubling, capped delay; parked after the bound. */
class BackoffTest {

    private static final NoticeSettings SETTINGS = new NoticeSettings(8, Duration.ofSeconds(30), Duration.ofHours(1),
            Duration.ofSeconds(10), Duration.ofHours(24), false, false);
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void theCeilingDoublesFromTheFirstRetryUpToTheMaximum() {
        Backoff backoff = new Backoff(SETTINGS, new Random(1));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(backoff.ceiling(8)).as("capped").isEqualTo(Duration.ofHours(1));
        assertThat(backoff.ceiling(40)).as("capped").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void eachDelayIsDrawnInTheUpperHalfOfItsCeilingAndTheyVary() {
        long seed = 20261202L;
        Backoff backoff = new Backoff(SETTINGS, new Random(seed));
        for (int attempts = 1; attempts < SETTINGS.maxAttempts(); attempts++) {
            Set<Instant> seen = new HashSet<>();
            Duration ceiling = backoff.ceiling(attempts);
            for (int i = 0; i < 200; i++) {
                Instant next = backoff.next(NOW, attempts);
                assertThat(next).as("seed " + seed + ", attempts " + attempts)
                        .isBetween(NOW.plus(ceiling.dividedBy(2)), NOW.plus(ceiling));
                seen.add(next);
            }
            assertThat(seen.size()).as("jitter spreads the retries (seed " + seed + ")").isGreaterThan(100);
        }
    }

    @Test
    void afterTheLastAttemptThereIsNoNextOne() {
        Backoff backoff = new Backoff(SETTINGS, new Random(7));
        assertThat(backoff.next(NOW, SETTINGS.maxAttempts() - 1)).as("the last retry still comes, within its ceiling")
                .isAfter(NOW).isBeforeOrEqualTo(NOW.plus(backoff.ceiling(SETTINGS.maxAttempts() - 1)));
        assertThat(backoff.next(NOW, SETTINGS.maxAttempts())).isNull();
    }
}
