package dev.steward.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * How one public holiday falls in a given year. Rules carry the first (and last) year they
 * apply, so a holiday created or abolished by law is right on both sides of the change.
 */
public sealed interface HolidayRule {

    String name();

    /** The holiday's date in {@code year}, or empty when the rule does not apply that year. */
    Optional<LocalDate> in(int year);

    /** Which computus a country's movable feasts follow. */
    enum Church {
        WESTERN, ORTHODOX;

        LocalDate easter(int year) {
            return this == WESTERN ? Easter.western(year) : Easter.orthodox(year);
        }
    }

    /** Years a rule is in force, both ends inclusive. */
    record Years(int from, int until) {

        static final Years ALWAYS = new Years(Integer.MIN_VALUE, Integer.MAX_VALUE);

        static Years from(int year) {
            return new Years(year, Integer.MAX_VALUE);
        }

        boolean contain(int year) {
            return year >= from && year <= until;
        }
    }

    /** The same date every year (1 May, 25 December). */
    record Fixed(MonthDay date, String name, Years years) implements HolidayRule {

        @Override
        public Optional<LocalDate> in(int year) {
            return years.contain(year) ? Optional.of(date.atYear(year)) : Optional.empty();
        }
    }

    /** A number of days after (or before) Easter Sunday: Good Friday -2, Whit Monday +50. */
    record EasterBased(Church church, int daysAfterEaster, String name) implements HolidayRule {

        @Override
        public Optional<LocalDate> in(int year) {
            return Optional.of(church.easter(year).plusDays(daysAfterEaster));
        }
    }

    /** The n-th (1..5) or, with n = -1, the last given weekday of a month (first Monday of May). */
    record NthWeekday(Month month, DayOfWeek weekday, int n, String name) implements HolidayRule {

        @Override
        public Optional<LocalDate> in(int year) {
            LocalDate first = LocalDate.of(year, month, 1);
            return Optional.of(n < 0
                    ? first.with(TemporalAdjusters.lastInMonth(weekday))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(n, weekday)));
        }
    }

    /** The first given weekday on or after a date (Midsummer Day: the Saturday from 20 June). */
    record WeekdayOnOrAfter(MonthDay date, DayOfWeek weekday, String name) implements HolidayRule {

        @Override
        public Optional<LocalDate> in(int year) {
            return Optional.of(date.atYear(year).with(TemporalAdjusters.nextOrSame(weekday)));
        }
    }

    /**
     * A fixed date that moves by some days when it falls on a given weekday (Dutch King's Day:
     * 27 April, the 26th when the 27th is a Sunday).
     */
    record FixedUnless(MonthDay date, DayOfWeek when, int moveDays, String name) implements HolidayRule {

        @Override
        public Optional<LocalDate> in(int year) {
            LocalDate d = date.atYear(year);
            return Optional.of(d.getDayOfWeek() == when ? d.plusDays(moveDays) : d);
        }
    }

    /** Ireland's St Brigid's Day (since 2023): 1 February if that is a Friday, else the first Monday in February. */
    record StBrigidsDay(String name) implements HolidayRule {

        @Override
        public Optional<LocalDate> in(int year) {
            if (year < 2023) {
                return Optional.empty();
            }
            LocalDate first = LocalDate.of(year, Month.FEBRUARY, 1);
            return Optional.of(first.getDayOfWeek() == DayOfWeek.FRIDAY
                    ? first
                    : first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)));
        }
    }
}
