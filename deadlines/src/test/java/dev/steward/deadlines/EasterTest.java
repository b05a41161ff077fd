package dev.steward.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EasterTest {

    @Test
    void westernEasterFallsOnKnownSundays() {
        assertThat(Easter.western(2019)).isEqualTo("2019-04-21");
        assertThat(Easter.western(2024)).isEqualTo("2024-03-31");
        assertThat(Easter.western(2025)).isEqualTo("2025-04-20");
        assertThat(Easter.western(2026)).isEqualTo("2026-04-05");
        assertThat(Easter.western(2027)).isEqualTo("2027-03-28");
        assertThat(Easter.western(2038)).isEqualTo("2038-04-25");
    }

    @Test
    void orthodoxEasterFallsOnKnownSundays() {
        assertThat(Easter.orthodox(2023)).isEqualTo("2023-04-16");
        assertThat(Easter.orthodox(2024)).isEqualTo("2024-05-05");
        assertThat(Easter.orthodox(2025)).isEqualTo("2025-04-20");
        assertThat(Easter.orthodox(2026)).isEqualTo("2026-04-12");
        assertThat(Easter.orthodox(2027)).isEqualTo("2027-05-02");
    }

    @Test
    void everyEasterIsASundayWithinItsChurchsRange() {
        for (int year = 1900; year <= 2199; year++) {
            LocalDate western = Easter.western(year);
            LocalDate orthodox = Easter.orthodox(year);
            assertThat(western.getDayOfWeek()).as("western %d", year).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(orthodox.getDayOfWeek()).as("orthodox %d", year).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(western).as("western %d", year)
                    .isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
            assertThat(orthodox).as("orthodox %d never before western", year).isAfterOrEqualTo(western);
        }
    }
}
