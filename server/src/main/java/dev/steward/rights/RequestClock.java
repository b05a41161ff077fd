package dev.steward.rights;

import java.time.Instant;
import java.time.LocalDate;

import dev.steward.deadlines.DeadlineStatus;

/**
 * A request's legal clock as the console and the API show it.
 *
 * @param dueAt      the first instant that is too late
 * @param lastDay    the tenant-local last day of the period
 * @param state      RUNNING, PAUSED or OVERDUE while the request is open; ANSWERED once decided or fulfilled
 * @param remainingSeconds time left, zero once overdue or answered
 * @param extendedByMonths the one extension granted, or 0
 */
public record RequestClock(Instant dueAt, LocalDate lastDay, String state, long remainingSeconds,
        int extendedByMonths) {

    static RequestClock of(DeadlineStatus status, boolean open, int extendedByMonths) {
        if (!open) {
            return new RequestClock(status.dueAt(), status.lastDay(), "ANSWERED", 0, extendedByMonths);
        }
        return new RequestClock(status.dueAt(), status.lastDay(), status.state().name(),
                status.remaining().toSeconds(), extendedByMonths);
    }
}
