package dev.steward.complaints;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint's deadline as the console and the API show it.
 *
 * @param dueAt            the first instant that is too late: the end of the tenant-local last day
 * @param lastDay          the last day of the month counted from receipt, moved to a working day
 * @param state            RUNNING or OVERDUE while the complaint is open; ANSWERED once responded or withdrawn
 * @param remainingSeconds time left, zero once overdue or answered
 */
public record ComplaintClock(Instant dueAt, LocalDate lastDay, String state, long remainingSeconds) {

    static ComplaintClock of(Instant dueAt, LocalDate lastDay, boolean open, Instant now) {
        if (!open) {
            return new ComplaintClock(dueAt, lastDay, "ANSWERED", 0);
        }
        if (!now.isBefore(dueAt)) {
            return new ComplaintClock(dueAt, lastDay, "OVERDUE", 0);
        }
        return new ComplaintClock(dueAt, lastDay, "RUNNING", Duration.between(now, dueAt).toSeconds());
    }
}
