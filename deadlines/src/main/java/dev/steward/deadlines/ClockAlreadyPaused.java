package dev.steward.deadlines;

import java.time.Instant;

/** A clock is paused already (or a new pause would begin inside an earlier one). */
public final class ClockAlreadyPaused extends DeadlinesException {

    ClockAlreadyPaused(Instant pausedSince) {
        super("the clock is paused (or was paused) until at least " + pausedSince);
    }
}
