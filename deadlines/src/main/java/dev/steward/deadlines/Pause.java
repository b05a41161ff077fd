package dev.steward.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A time in which a clock did not run (waiting for the subject's proof of identity, for a
 * clarification). {@code until} is null while the pause lasts.
 */
public record Pause(Instant from, Instant until, String reason) {

    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(reason, "reason");
        if (until != null && until.isBefore(from)) {
            throw new DatedBeforeStart(until, from);
        }
    }

    public boolean isOpen() {
        return until == null;
    }

    /** How long the clock had been paused by {@code at} (zero if the pause began later). */
    Duration pausedBy(Instant at) {
        if (at.isBefore(from)) {
            return Duration.ZERO;
        }
        Instant end = until == null || until.isAfter(at) ? at : until;
        return Duration.between(from, end);
    }

    boolean covers(Instant at) {
        return !at.isBefore(from) && (until == null || at.isBefore(until));
    }
}
