package dev.steward.calendars;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A date the tenant made a working day although a national rule named it a holiday.
 *
 * @param nationalName the holiday the country's rules give the date, or null when the tenant's
 *        current country has none that day (the removal was made under another country)
 */
public record RemovedHoliday(LocalDate date, String nationalName, Instant removedAt, String removedBy) {
}
