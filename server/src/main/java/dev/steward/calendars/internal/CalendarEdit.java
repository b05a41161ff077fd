package dev.steward.calendars.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code calendar_edits}: a date the tenant made a holiday ({@code name} set) or a working day.
 */
public record CalendarEdit(LocalDate date, Kind kind, String name, Instant changedAt, String changedBy) {

    public enum Kind { ADDED, REMOVED }

    public static CalendarEdit added(LocalDate date, String name, Instant at, String by) {
        return new CalendarEdit(date, Kind.ADDED, name, at, by);
    }

    public static CalendarEdit removed(LocalDate date, Instant at, String by) {
        return new CalendarEdit(date, Kind.REMOVED, null, at, by);
    }

    public boolean isAdded() {
        return kind == Kind.ADDED;
    }
}
