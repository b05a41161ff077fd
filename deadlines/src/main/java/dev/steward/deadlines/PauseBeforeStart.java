package dev.steward.deadlines;

import java.time.Instant;

/** A pause or extension dated before the event that started the clock, or a pause ending before it began. */
public final class PauseBeforeStart extends DeadlinesException {

    PauseBeforeStart(Instant at, Instant start) {
        super(at + " is before " + start);
    }
}
