package dev.steward.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    static final LocalDate EPIPHANY = LocalDate.of(2026, 1, 6);
    static final LocalDate EASTER_MONDAY = LocalDate.of(2026, 4, 6);

    @Test
    void aTenantAddsItsOwnHolidays() {
        HolidayCalendar germany = HolidayCalendar.of("DE");
        HolidayCalendar bavaria = germany.withHoliday(EPIPHANY, "Epiphany (Bavaria)");

        assertThat(germany.isHoliday(EPIPHANY)).isFalse();
        assertThat(bavaria.holidayOn(EPIPHANY)).contains("Epiphany (Bavaria)");
        assertThat(bavaria.holidaysIn(2026)).containsEntry(EPIPHANY, "Epiphany (Bavaria)").hasSize(10);
        assertThat(bavaria.holidaysIn(2027)).doesNotContainKey(EPIPHANY.plusYears(1));
    }

    @Test
    void aTenantRemovesACountrysHoliday() {
        HolidayCalendar working = HolidayCalendar.of("DE").withoutHoliday(EASTER_MONDAY);

        assertThat(working.isHoliday(EASTER_MONDAY)).isFalse();
        assertThat(working.isWorkingDay(EASTER_MONDAY)).isTrue();
        assertThat(working.holidaysIn(2026)).doesNotContainKey(EASTER_MONDAY).hasSize(8);
        assertThat(working.isHoliday(LocalDate.of(2027, 3, 29))).as("Easter Monday of other years stays").isTrue();
    }

    @Test
    void theLastEditOfADateWins() {
        HolidayCalendar germany = HolidayCalendar.of("DE");

        assertThat(germany.withHoliday(EPIPHANY, "x").withoutHoliday(EPIPHANY).isHoliday(EPIPHANY)).isFalse();
        assertThat(germany.withoutHoliday(EASTER_MONDAY).withHoliday(EASTER_MONDAY, "back").holidayOn(EASTER_MONDAY))
                .contains("back");
    }

    @Test
    void editsReturnNewValuesAndLeaveTheOriginal() {
        HolidayCalendar germany = HolidayCalendar.of("DE");
        HolidayCalendar edited = germany.withHoliday(EPIPHANY, "x");

        assertThat(germany.additions()).isEmpty();
        assertThat(edited).isNotEqualTo(germany);
        assertThat(germany.withHoliday(EPIPHANY, "x")).isEqualTo(edited);
    }

    @Test
    void weekendsAreNeverWorkingDaysEvenWithoutHolidays() {
        HolidayCalendar none = HolidayCalendar.none();

        assertThat(none.isWorkingDay(LocalDate.of(2026, 1, 3))).isFalse();
        assertThat(none.isWorkingDay(LocalDate.of(2026, 1, 4))).isFalse();
        assertThat(none.isWorkingDay(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(none.workingDayOnOrAfter(LocalDate.of(2026, 1, 3))).isEqualTo("2026-01-05");
    }
}
