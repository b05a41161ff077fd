package dev.steward.calendars;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A holiday of the tenant's calendar.
 *
 * @param addedAt when the tenant added it; null for a national holiday
 * @param addedBy who added it; null for a national holiday
 */
public record YearHoliday(LocalDate date, String name, Origin origin, Instant addedAt, String addedBy) {

    /** Why the date is a holiday. */
    public enum Origin {
        /** The country's public-holiday rules. */
        NATIONAL,
        /** The tenant added it (a regional day, a substitute day, a company-wide closure). */
        ADDED
    }
}
