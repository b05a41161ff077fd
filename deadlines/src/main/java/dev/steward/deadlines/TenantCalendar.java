package dev.steward.deadlines;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where a tenant's legal periods are counted: its time zone (a day ends at midnight there) and
 * its public holidays (Article 2(1): those of the Member State where the act is to be done).
 */
public record TenantCalendar(ZoneId zone, HolidayCalendar holidays) {

    public TenantCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(holidays, "holidays");
    }

    /** A country's national calendar in a zone, e.g. {@code TenantCalendar.of("Europe/Berlin", "DE")}. */
    public static TenantCalendar of(String zone, String country) {
        return new TenantCalendar(ZoneId.of(zone), HolidayCalendar.of(country));
    }

    public TenantCalendar withHolidays(HolidayCalendar calendar) {
        return new TenantCalendar(zone, calendar);
    }

    boolean isWorkingDay(LocalDate date) {
        return holidays.isWorkingDay(date);
    }
}
