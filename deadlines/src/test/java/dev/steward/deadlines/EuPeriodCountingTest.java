package dev.steward.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EuPeriodCountingTest {

    static final TenantCalendar BERLIN = TenantCalendar.of("Europe/Berlin", "DE");

    static Instant local(String dateTime, TenantCalendar calendar) {
        return LocalDateTime.parse(dateTime).atZone(calendar.zone()).toInstant();
    }

    static PeriodEnd end(String event, String period, TenantCalendar calendar) {
        return EuPeriodCounting.end(local(event, calendar), LegalPeriod.parse(period), calendar);
    }

    @Nested
    class MonthEnds {

        @ParameterizedTest(name = "{0} + {1} -> {2}")
        @CsvSource({
                "2025-01-31, one month, 2025-02-28", "2024-01-31, one month, 2024-02-29",
                "2024-01-30, one month, 2024-02-29", "2025-03-31, one month, 2025-04-30",
                "2025-01-15, one month, 2025-02-15", "2025-12-31, two months, 2026-02-28",
                "2024-02-29, one year, 2025-02-28", "2024-02-29, 4 years, 2028-02-29",
                "2025-08-31, three months, 2025-11-30", "2026-01-14, one week, 2026-01-21",
                "2026-01-14, 30 days, 2026-02-13", "2024-02-01, 29 days, 2024-03-01"})
        void sameDateOfTheLastMonthOrItsLastDay(LocalDate event, String period, LocalDate last) {
            assertThat(EuPeriodCounting.nominalLastDay(event, LegalPeriod.parse(period))).isEqualTo(last);
        }

        @Test
        void thirtyFirstOfJanuaryPlusOneMonthEndsAtTheEndOfFebruary() {
            PeriodEnd end = end("2025-01-31T10:00", "one month", BERLIN);

            assertThat(end.lastDay()).isEqualTo("2025-02-28");
            assertThat(end.dueAt()).isEqualTo(OffsetDateTime.parse("2025-03-01T00:00+01:00").toInstant());
        }

        @Test
        void inALeapYearItEndsOnTheTwentyNinth() {
            assertThat(end("2024-01-31T10:00", "one month", BERLIN).lastDay()).isEqualTo("2024-02-29");
        }

        @Test
        void theDayOfTheEventIsNotCountedWhateverItsHour() {
            assertThat(end("2026-01-14T00:00", "30 days", BERLIN).lastDay()).isEqualTo("2026-02-13");
            assertThat(end("2026-01-14T23:59:59", "30 days", BERLIN).lastDay()).isEqualTo("2026-02-13");
        }
    }

    @Nested
    class WeekendsAndHolidays {

        @Test
        void aPeriodEndingOnSaturdayEndsOnMonday() {
            PeriodEnd end = end("2026-01-07T09:00", "3 days", BERLIN);

            assertThat(end.lastDay()).isEqualTo("2026-01-12");
            assertThat(end.dueAt()).isEqualTo(OffsetDateTime.parse("2026-01-13T00:00+01:00").toInstant());
        }

        @Test
        void easterMondayPushesTheEndToTuesday() {
            assertThat(end("2026-03-06T09:00", "one month", BERLIN).lastDay()).isEqualTo("2026-04-07");
        }

        @Test
        void goodFridayThroughEasterMondayPushTheEndToTuesday() {
            assertThat(end("2026-03-03T09:00", "one month", BERLIN).lastDay()).isEqualTo("2026-04-07");
        }

        @Test
        void christmasAndTheWeekendPushTheEndToMondayInGermanyButNotInFrance() {
            assertThat(end("2025-11-25T09:00", "one month", BERLIN).lastDay()).isEqualTo("2025-12-29");
            assertThat(end("2025-11-25T09:00", "one month", TenantCalendar.of("Europe/Paris", "FR")).lastDay())
                    .isEqualTo("2025-12-26");
        }

        @Test
        void orthodoxEasterMondayPushesTheEndInGreeceOnly() {
            TenantCalendar athens = TenantCalendar.of("Europe/Athens", "GR");
            assertThat(end("2026-03-13T09:00", "one month", athens).lastDay()).isEqualTo("2026-04-14");
            assertThat(end("2026-03-13T09:00", "one month", BERLIN).lastDay()).isEqualTo("2026-04-13");
        }

        @Test
        void aPeriodOfTwoDaysOrMoreIncludesTwoWorkingDays() {
            // Fri 3 Apr (Good Friday) .. Mon 6 Apr (Easter Monday): the 3-day period ends on Sunday 5 April;
            // Article 3(4) moves it to Tuesday, but Tuesday is its only working day, so 3(5) adds Wednesday.
            assertThat(end("2026-04-02T09:00", "3 days", BERLIN).lastDay()).isEqualTo("2026-04-08");
        }

        @Test
        void aOneDayPeriodNeedsOnlyOneWorkingDay() {
            assertThat(end("2026-04-02T09:00", "1 day", BERLIN).lastDay()).isEqualTo("2026-04-07");
        }

        @Test
        void aTenantsOwnHolidayPushesTheEnd() {
            TenantCalendar bavaria = BERLIN.withHolidays(
                    BERLIN.holidays().withHoliday(LocalDate.of(2026, 1, 6), "Epiphany (Bavaria)"));

            assertThat(end("2026-01-05T09:00", "1 day", BERLIN).lastDay()).isEqualTo("2026-01-06");
            assertThat(end("2026-01-05T09:00", "1 day", bavaria).lastDay()).isEqualTo("2026-01-07");
        }

        @Test
        void aRemovedHolidayNoLongerPushesTheEnd() {
            TenantCalendar working = BERLIN.withHolidays(BERLIN.holidays().withoutHoliday(LocalDate.of(2026, 4, 6)));

            assertThat(end("2026-03-06T09:00", "one month", working).lastDay()).isEqualTo("2026-04-06");
        }
    }

    @Nested
    class Hours {

        @Test
        void seventyTwoHoursStartAtTheNextFullHour() {
            PeriodEnd end = end("2026-05-04T10:17", "72 hours", BERLIN);

            assertThat(end.dueAt()).isEqualTo(OffsetDateTime.parse("2026-05-07T11:00+02:00").toInstant());
            assertThat(end.lastDay()).isEqualTo("2026-05-07");
        }

        @Test
        void anEventOnTheHourDoesNotCountItsHour() {
            assertThat(end("2026-05-04T10:00", "24 hours", BERLIN).dueAt())
                    .isEqualTo(OffsetDateTime.parse("2026-05-05T11:00+02:00").toInstant());
        }

        @Test
        void hoursAreNotMovedByWeekendsOrHolidays() {
            // Thursday 10:17 + 72 h ends on Sunday; 1 May 2026 (a holiday, Friday) is inside.
            assertThat(end("2026-04-30T10:17", "72 hours", BERLIN).dueAt())
                    .isEqualTo(OffsetDateTime.parse("2026-05-03T11:00+02:00").toInstant());
        }

        @Test
        void hoursAreElapsedHoursAcrossTheSpringChange() {
            // Clocks go forward on Sunday 29 March 2026: the local end reads one hour later.
            PeriodEnd end = end("2026-03-27T10:17", "72 hours", BERLIN);

            assertThat(end.dueAt()).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
            assertThat(end.dueAt().atZone(BERLIN.zone()).toLocalTime()).hasToString("12:00");
        }

        @Test
        void hoursAreElapsedHoursAcrossTheAutumnChange() {
            PeriodEnd end = end("2026-10-23T10:17", "72 hours", BERLIN);

            assertThat(end.dueAt()).isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
            assertThat(end.dueAt().atZone(BERLIN.zone()).toLocalTime()).hasToString("10:00");
        }
    }

    @Nested
    class TimeZones {

        @Test
        void aDayEndsAtMidnightInTheTenantsZoneAcrossTheSpringChange() {
            PeriodEnd end = end("2026-03-28T12:00", "1 day", BERLIN);

            assertThat(end.lastDay()).isEqualTo("2026-03-30");
            assertThat(end.dueAt()).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
        }

        @Test
        void aDayEndsAtMidnightInTheTenantsZoneAcrossTheAutumnChange() {
            PeriodEnd end = end("2026-10-23T12:00", "1 day", BERLIN);

            assertThat(end.lastDay()).isEqualTo("2026-10-26");
            assertThat(end.dueAt()).isEqualTo(Instant.parse("2026-10-26T23:00:00Z"));
        }

        @Test
        void theSameInstantIsADifferentDayInLisbonAndHelsinki() {
            Instant event = Instant.parse("2026-01-13T23:30:00Z");
            TenantCalendar lisbon = TenantCalendar.of("Europe/Lisbon", "PT");
            TenantCalendar helsinki = TenantCalendar.of("Europe/Helsinki", "FI");

            PeriodEnd inLisbon = EuPeriodCounting.end(event, LegalPeriod.days(1), lisbon);
            PeriodEnd inHelsinki = EuPeriodCounting.end(event, LegalPeriod.days(1), helsinki);

            assertThat(inLisbon.lastDay()).isEqualTo("2026-01-14");
            assertThat(inLisbon.dueAt()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
            assertThat(inHelsinki.lastDay()).isEqualTo("2026-01-15");
            assertThat(inHelsinki.dueAt()).isEqualTo(Instant.parse("2026-01-15T22:00:00Z"));
        }

        @Test
        void theNextFullHourIsTheTenantsHourInAHalfHourZone() {
            TenantCalendar india = new TenantCalendar(ZoneId.of("Asia/Kolkata"), HolidayCalendar.none());

            assertThat(EuPeriodCounting.end(Instant.parse("2026-01-13T10:10:00Z"), LegalPeriod.hours(1), india).dueAt())
                    .isEqualTo(Instant.parse("2026-01-13T11:30:00Z"));
        }
    }
}
