package dev.steward.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A running clock as seen at one instant: what the console shows and what a job runner acts on.
 *
 * @param at        the instant the status is for
 * @param dueAt     the first instant that is too late, counting pauses and extensions known at {@code at}
 *                  (while paused: the due time if the clock resumed at {@code at})
 * @param lastDay   the tenant-local day the period ends on
 * @param remaining time left until {@code dueAt}; zero once overdue
 * @param paused    whether the clock is stopped at {@code at}
 * @param overdue   whether {@code at} is at or after {@code dueAt} (never while paused)
 * @param overdueBy how long past {@code dueAt}; zero unless overdue
 */
public record DeadlineStatus(Instant at, Instant dueAt, LocalDate lastDay, Duration remaining, boolean paused,
        boolean overdue, Duration overdueBy) {

    public enum State {
        RUNNING, PAUSED, OVERDUE
    }

    static DeadlineStatus of(Instant at, PeriodEnd end, boolean paused) {
        boolean overdue = !paused && !at.isBefore(end.dueAt());
        Duration left = overdue ? Duration.ZERO : Duration.between(at, end.dueAt());
        Duration late = overdue ? Duration.between(end.dueAt(), at) : Duration.ZERO;
        return new DeadlineStatus(at, end.dueAt(), end.lastDay(), left, paused, overdue, late);
    }

    public State state() {
        return paused ? State.PAUSED : overdue ? State.OVERDUE : State.RUNNING;
    }

    /** When a reminder {@code lead} before the end is due. */
    public Instant reminderAt(Duration lead) {
        return dueAt.minus(lead);
    }

    /** A running clock within {@code lead} of its end: time to remind. A paused clock reminds nobody. */
    public boolean reminderDue(Duration lead) {
        return state() == State.RUNNING && remaining.compareTo(lead) <= 0;
    }

    /** The clock ran out: time to alert. */
    public boolean alertDue() {
        return overdue;
    }
}
