package dev.steward.calendars;

import java.time.LocalDate;
import java.util.List;

import dev.steward.deadlines.TenantCalendar;

/**
 * One year of a tenant's calendar, as it counts legal periods: its settings, that year's holidays
 * (national and added) and the national holidays it removed.
 */
public record CalendarYear(int year, CalendarSettings settings, List<YearHoliday> holidays,
        List<RemovedHoliday> removed, TenantCalendar calendar) {

    public CalendarYear {
        holidays = List.copyOf(holidays);
        removed = List.copyOf(removed);
    }

    /** Regulation 1182/71's working days: not a Saturday, Sunday or holiday of this calendar. */
    public boolean isWorkingDay(LocalDate date) {
        return calendar.holidays().isWorkingDay(date);
    }

    public long workingDays() {
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.datesUntil(first.plusYears(1)).filter(this::isWorkingDay).count();
    }
}
