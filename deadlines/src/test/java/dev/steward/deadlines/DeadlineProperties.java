package dev.steward.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Properties of period counting over many seeded random events, periods, countries and zones.
 * A failure prints its seed; rerun with {@code -Ddeadlines.seed=N} to reproduce it.
 */
class DeadlineProperties {

    private static final int CASES = 1500;
    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(365L * 7).toSeconds();
    private static final List<String> ZONES = List.of("Europe/Berlin", "Europe/Lisbon", "Europe/Helsinki",
            "Europe/Dublin", "Atlantic/Reykjavik", "Europe/Athens", "Asia/Kolkata", "America/New_York");

    private long seed;
    private Random random;

    @BeforeEach
    void seed() {
        seed = Long.getLong("deadlines.seed", System.nanoTime());
        random = new Random(seed);
    }

    @Test
    void theEndIsNeverBeforeTheNominalEnd() {
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase();
            PeriodEnd end = EuPeriodCounting.end(c.event, c.period, c.calendar);
            String why = c.describe(seed, i);
            if (c.period.unit() == LegalPeriod.Unit.HOURS) {
                Instant nominal = c.event.plus(Duration.ofHours(c.period.amount()));
                assertThat(end.dueAt()).as(why).isAfter(nominal).isBeforeOrEqualTo(nominal.plus(Duration.ofHours(1)));
            } else {
                LocalDate eventDay = LocalDate.ofInstant(c.event, c.calendar.zone());
                LocalDate nominal = EuPeriodCounting.nominalLastDay(eventDay, c.period);
                assertThat(end.lastDay()).as(why).isAfterOrEqualTo(nominal);
                assertThat(end.dueAt()).as(why).isEqualTo(EuPeriodCounting.endOfDay(end.lastDay(), c.calendar));
                assertThat(end.dueAt()).as(why).isAfter(c.event);
            }
        }
    }

    @Test
    void aPeriodInDaysWeeksMonthsOrYearsNeverEndsOnANonWorkingDay() {
        for (int i = 0; i < CASES; i++) {
            Case c = randomCalendarCase();
            PeriodEnd end = EuPeriodCounting.end(c.event, c.period, c.calendar);
            String why = c.describe(seed, i);
            assertThat(c.calendar.isWorkingDay(end.lastDay())).as(why).isTrue();
            LocalDate eventDay = LocalDate.ofInstant(c.event, c.calendar.zone());
            // Article 3(4) moves the end at most past the run of non-working days that follows the nominal end.
            LocalDate nominal = EuPeriodCounting.nominalLastDay(eventDay, c.period);
            if (!c.period.spansTwoDaysOrMore() || nominal.isAfter(eventDay.plusDays(7))) {
                LocalDate skippedWorkingDay = nominal.datesUntil(end.lastDay()).filter(c.calendar::isWorkingDay)
                        .findFirst().orElse(null);
                assertThat(skippedWorkingDay).as(why + ": a working day skipped").isNull();
            }
            if (c.period.spansTwoDaysOrMore()) {
                long working = eventDay.plusDays(1).datesUntil(end.lastDay().plusDays(1))
                        .filter(c.calendar::isWorkingDay).limit(2).count();
                assertThat(working).as(why + ": Article 3(5)").isEqualTo(2);
            }
        }
    }

    @Test
    void aLaterEventNeverEndsEarlier() {
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase();
            Instant later = c.event.plusSeconds(random.nextLong(random.nextBoolean() ? 3600 : 86400L * 40));
            Instant first = EuPeriodCounting.end(c.event, c.period, c.calendar).dueAt();
            Instant second = EuPeriodCounting.end(later, c.period, c.calendar).dueAt();
            assertThat(second).as(c.describe(seed, i) + ", later event " + later).isAfterOrEqualTo(first);
        }
    }

    @Test
    void aPauseMovesTheEndByAtLeastThePausedTimeAndAnExtensionNeverShortensIt() {
        for (int i = 0; i < CASES; i++) {
            Case c = randomCase();
            Deadline d = Deadline.starting(c.event, c.period, c.calendar);
            Instant due = d.nominalEnd().dueAt();
            String why = c.describe(seed, i);

            Instant from = c.event.plusSeconds(random.nextLong(Math.max(1, Duration.between(c.event, due).toSeconds())));
            Duration paused = Duration.ofMinutes(random.nextInt(60 * 24 * 20));
            Deadline pausedDeadline = d.pause(from, "property").resume(from.plus(paused));
            Instant afterPause = pausedDeadline.statusAt(from.plus(paused)).dueAt();
            assertThat(afterPause).as(why + ", paused " + paused + " from " + from).isAfterOrEqualTo(due.plus(paused));

            DeadlineStatus whilePaused = pausedDeadline.statusAt(from.plus(paused.dividedBy(2)));
            assertThat(whilePaused.state()).as(why).isEqualTo(paused.isZero()
                    ? DeadlineStatus.State.RUNNING : DeadlineStatus.State.PAUSED);

            LegalPeriod more = c.period.unit() == LegalPeriod.Unit.HOURS
                    ? LegalPeriod.hours(1 + random.nextInt(48)) : randomCalendarPeriod();
            Deadline extended = d.extend(more, "property", from);
            assertThat(extended.statusAt(from).dueAt()).as(why + ", extended by " + more).isAfterOrEqualTo(due);
        }
    }

    private record Case(Instant event, LegalPeriod period, TenantCalendar calendar) {
        String describe(long seed, int i) {
            return "seed %d, case %d: %s + %s in %s/%s".formatted(seed, i, event, period, calendar.zone(),
                    calendar.holidays().country());
        }
    }

    private Case randomCase() {
        return random.nextInt(4) == 0 ? new Case(randomInstant(), LegalPeriod.hours(1 + random.nextInt(200)),
                randomCalendar()) : randomCalendarCase();
    }

    private Case randomCalendarCase() {
        return new Case(randomInstant(), randomCalendarPeriod(), randomCalendar());
    }

    private Instant randomInstant() {
        return FROM.plusSeconds(random.nextLong(SPAN_SECONDS));
    }

    private LegalPeriod randomCalendarPeriod() {
        return switch (random.nextInt(4)) {
            case 0 -> LegalPeriod.days(1 + random.nextInt(90));
            case 1 -> LegalPeriod.weeks(1 + random.nextInt(8));
            case 2 -> LegalPeriod.months(1 + random.nextInt(12));
            default -> LegalPeriod.years(1 + random.nextInt(2));
        };
    }

    private TenantCalendar randomCalendar() {
        List<String> countries = List.copyOf(CountryHolidays.countries());
        String country = countries.get(random.nextInt(countries.size()));
        HolidayCalendar holidays = HolidayCalendar.of(country);
        // Now and then a tenant's own closure, to exercise additions.
        if (random.nextInt(5) == 0) {
            holidays = holidays.withHoliday(LocalDate.ofInstant(randomInstant(), ZoneId.of("UTC")), "closure");
        }
        return new TenantCalendar(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))), holidays);
    }
}
