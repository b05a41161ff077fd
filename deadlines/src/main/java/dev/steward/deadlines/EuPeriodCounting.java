package dev.steward.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Counts periods as Regulation (EEC, Euratom) No 1182/71, Article 3, counts them:
 * <ul>
 * <li>(1) the hour, or for other units the day, in which the event happens is not counted;</li>
 * <li>(2)(a) hours: from the start of the next hour, for that many hours (real elapsed hours,
 *     so a daylight-saving change does not lengthen or shorten them);</li>
 * <li>(2)(b) days: the period ends at the end of the last day;</li>
 * <li>(2)(c) weeks, months, years: it ends at the end of the day of the last week, month or year
 *     with the same weekday or date as the event's day, or of the last day of that month when
 *     the date does not exist there (31 January + one month ends on 28 or 29 February);</li>
 * <li>(4) a period not in hours whose last day is a Saturday, Sunday or public holiday ends at
 *     the end of the next working day;</li>
 * <li>(5) a period of two days or more includes at least two working days.</li>
 * </ul>
 * Days are the tenant's: they start and end at midnight in {@link TenantCalendar#zone()}.
 */
public final class EuPeriodCounting {

    private EuPeriodCounting() {
    }

    /** When a period counted from an event has run out. */
    public static PeriodEnd end(Instant event, LegalPeriod period, TenantCalendar calendar) {
        if (period.unit() == LegalPeriod.Unit.HOURS) {
            Instant due = firstFullHourAfter(event, calendar).plus(Duration.ofHours(period.amount()));
            return new PeriodEnd(due, LocalDate.ofInstant(due.minusNanos(1), calendar.zone()));
        }
        LocalDate eventDay = LocalDate.ofInstant(event, calendar.zone());
        LocalDate last = lastWorkingDay(eventDay, nominalLastDay(eventDay, period), period, calendar);
        return new PeriodEnd(endOfDay(last, calendar), last);
    }

    /** The start of the hour after the one the event happened in, in the tenant's zone. */
    static Instant firstFullHourAfter(Instant event, TenantCalendar calendar) {
        ZonedDateTime local = event.atZone(calendar.zone()).truncatedTo(ChronoUnit.HOURS);
        return local.toInstant().plus(Duration.ofHours(1));
    }

    /** Article 3(2)(b)/(c) without 3(4): the last day counted from {@code from} (a day not itself counted). */
    static LocalDate nominalLastDay(LocalDate from, LegalPeriod period) {
        return switch (period.unit()) {
            case DAYS -> from.plusDays(period.amount());
            case WEEKS -> from.plusWeeks(period.amount());
            // plusMonths/plusYears clamp to the month's last day, as Article 3(2)(c) second sentence says.
            case MONTHS -> from.plusMonths(period.amount());
            case YEARS -> from.plusYears(period.amount());
            case HOURS -> throw new IllegalArgumentException("hours have no last day");
        };
    }

    /** Article 3(4) and 3(5) applied to a last day of a period that began the day after {@code eventDay}. */
    static LocalDate lastWorkingDay(LocalDate eventDay, LocalDate nominal, LegalPeriod period,
            TenantCalendar calendar) {
        HolidayCalendar holidays = calendar.holidays();
        LocalDate last = holidays.workingDayOnOrAfter(nominal);
        if (period.spansTwoDaysOrMore()) {
            LocalDate firstDay = eventDay.plusDays(1);
            while (workingDaysBetween(firstDay, last, holidays) < 2) {
                last = holidays.workingDayOnOrAfter(last.plusDays(1));
            }
        }
        return last;
    }

    private static int workingDaysBetween(LocalDate first, LocalDate last, HolidayCalendar holidays) {
        int n = 0;
        for (LocalDate d = first; !d.isAfter(last) && n < 2; d = d.plusDays(1)) {
            if (holidays.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** The first instant after a tenant-local day: its next midnight (or the first instant of the next day). */
    static Instant endOfDay(LocalDate day, TenantCalendar calendar) {
        return day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }
}
