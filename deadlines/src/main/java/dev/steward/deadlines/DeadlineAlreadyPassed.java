package dev.steward.deadlines;

import java.time.Instant;

/** A clock that has already run out cannot be paused or extended any more. */
public final class DeadlineAlreadyPassed extends DeadlinesException {

    private final Instant dueAt;

    DeadlineAlreadyPassed(Instant dueAt, Instant at) {
        super("the deadline passed at " + dueAt + ", before " + at);
        this.dueAt = dueAt;
    }

    public Instant dueAt() {
        return dueAt;
    }
}
