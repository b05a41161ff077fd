package dev.steward.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * What the installation knows of one job, as provider staff see it. Holds no personal data: the
 * message of a failure is the exception's type only.
 *
 * @param leaseOwner the node (and claim) running it now, or null
 * @param lastOutcome {@code ok}, {@code failed}, or null before the first run
 * @param failing whether the failure streak reached the alert threshold
 */
public record JobState(String name, Duration every, Instant nextRunAt, String leaseOwner, Instant leaseUntil,
        Instant lastStartedAt, Instant lastFinishedAt, String lastOutcome, String lastMessage, int consecutiveFailures,
        boolean failing) {

    /** Whether a node holds an unexpired lease on it at {@code now}. */
    public boolean runningAt(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }
}
