package dev.steward.deadlines;

import java.time.Instant;

/** A pause or extension dated before the event that started the clock, or a resumption before its pause began. */
public final class DatedBeforeStart extends DeadlinesException {

    DatedBeforeStart(Instant at, Instant start) {
        super(at + " is before " + start);
    }
}
