package dev.steward.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known public holidays of 2025 and 2026, checked against each country's published list. */
class CountryHolidaysTest {

    @Test
    void holdsEveryEuAndEeaCountry() {
        assertThat(CountryHolidays.countries()).containsExactlyInAnyOrder("AT", "BE", "BG", "HR", "CY", "CZ", "DK",
                "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK",
                "SI", "ES", "SE", "IS", "LI", "NO");
        for (String country : CountryHolidays.countries()) {
            SortedMap<LocalDate, String> days = HolidayCalendar.of(country).holidaysIn(2026);
            assertThat(days).as(country).hasSizeBetween(8, 18);
            assertThat(days).as(country + " New Year").containsKey(LocalDate.of(2026, 1, 1));
        }
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            // Western Easter 2026 is 5 April, 2025 is 20 April.
            "DE, 2026-04-03, Good Friday", "DE, 2026-04-06, Easter Monday", "DE, 2026-05-14, Ascension Day",
            "DE, 2026-05-25, Whit Monday", "DE, 2025-06-09, Whit Monday", "DE, 2026-10-03, German Unity Day",
            "AT, 2026-06-04, Corpus Christi", "AT, 2025-06-19, Corpus Christi", "AT, 2026-10-26, National Day",
            "BE, 2026-07-21, National Day", "FR, 2026-07-14, Bastille Day", "FR, 2026-05-08, Victory in Europe Day",
            "IT, 2026-06-02, Republic Day", "IT, 2025-04-21, Easter Monday", "ES, 2026-10-12, National Day",
            "ES, 2026-12-06, Constitution Day", "PT, 2026-06-10, Portugal Day", "MT, 2026-03-31, Freedom Day",
            "LU, 2026-05-09, Europe Day", "CZ, 2026-11-17, Struggle for Freedom and Democracy Day",
            "SK, 2026-08-29, Slovak National Uprising", "SI, 2026-02-08, Prešeren Day", "HR, 2026-11-18, Remembrance Day",
            "HU, 2026-10-23, National Day", "PL, 2025-12-24, Christmas Eve", "PL, 2026-06-04, Corpus Christi",
            "LT, 2026-07-06, Statehood Day", "LV, 2026-06-23, Midsummer Eve", "EE, 2026-02-24, Independence Day",
            "DK, 2026-04-02, Maundy Thursday", "NO, 2026-05-17, Constitution Day", "SE, 2026-06-06, National Day",
            // Midsummer Day and All Saints' Day in FI and SE: the Saturday from 20 June and from 31 October.
            "SE, 2026-06-20, Midsummer Day", "FI, 2025-06-21, Midsummer Day", "FI, 2025-11-01, All Saints' Day",
            "FI, 2026-10-31, All Saints' Day", "FI, 2026-12-06, Independence Day",
            "IS, 2026-04-23, First Day of Summer", "IS, 2025-04-24, First Day of Summer", "IS, 2026-08-03, Commerce Day",
            "LI, 2026-08-15, National Day", "LI, 2026-06-04, Corpus Christi",
            // Ireland's Monday holidays and St Brigid's Day (1 February only when it is a Friday).
            "IE, 2026-02-02, St Brigid's Day", "IE, 2025-02-03, St Brigid's Day", "IE, 2030-02-01, St Brigid's Day",
            "IE, 2026-05-04, May Day", "IE, 2025-06-02, June Bank Holiday", "IE, 2026-08-03, August Bank Holiday",
            "IE, 2026-10-26, October Bank Holiday", "IE, 2026-03-17, St Patrick's Day",
            // King's Day moves to the 26th when the 27th is a Sunday (2025).
            "NL, 2025-04-26, King's Day", "NL, 2026-04-27, King's Day", "NL, 2026-05-05, Liberation Day",
            // Orthodox Easter 2026 is 12 April (2025: 20 April, the same day as the Western one).
            "GR, 2026-02-23, Clean Monday", "GR, 2026-04-10, Good Friday", "GR, 2026-04-13, Easter Monday",
            "GR, 2026-06-01, Whit Monday (Orthodox)", "GR, 2025-06-09, Whit Monday (Orthodox)",
            "GR, 2026-10-28, Ochi Day", "CY, 2026-06-01, Kataklysmos", "CY, 2026-04-01, Cyprus National Day",
            "BG, 2026-04-11, Holy Saturday", "BG, 2026-04-13, Easter Monday", "BG, 2026-03-03, Liberation Day",
            "RO, 2026-05-31, Whit Sunday", "RO, 2025-06-09, Whit Monday", "RO, 2026-04-10, Good Friday",
            "RO, 2026-01-07, St John the Baptist", "RO, 2026-12-01, National Day",
    })
    void knownHolidays(String country, LocalDate date, String name) {
        assertThat(HolidayCalendar.of(country).holidayOn(date)).contains(name);
    }

    @ParameterizedTest(name = "{0} {1} is a working day")
    @CsvSource({
            "DE, 2026-12-24", "DE, 2026-01-06", "FR, 2026-04-03", "ES, 2026-04-06", "IE, 2026-04-03",
            // Orthodox countries do not keep the Western Easter Monday when the dates differ.
            "GR, 2026-04-06", "BG, 2026-04-06", "RO, 2026-04-06", "CY, 2026-04-06",
            // Denmark's Great Prayer Day (fourth Friday after Easter) was abolished from 2024.
            "DK, 2026-05-01",
            // Poland's Christmas Eve is a holiday only from 2025; Romania's 6 and 7 January from 2024.
            "PL, 2024-12-24", "RO, 2023-01-06",
    })
    void knownWorkingDays(String country, LocalDate date) {
        assertThat(HolidayCalendar.of(country).isWorkingDay(date)).isTrue();
    }

    @Test
    void germanyKeepsNineNationwideHolidays() {
        assertThat(HolidayCalendar.of("DE").holidaysIn(2026).keySet()).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 10, 3), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    }

    @Test
    void greeceKeepsItsOrthodoxYear() {
        assertThat(HolidayCalendar.of("GR").holidaysIn(2026).keySet()).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 6), LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 3, 25), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 12),
                LocalDate.of(2026, 4, 13), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 8, 15), LocalDate.of(2026, 10, 28), LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26));
    }

    @Test
    void irelandKeepsItsMondays() {
        assertThat(HolidayCalendar.of("IE").holidaysIn(2026).keySet()).containsExactly(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 17),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 8, 3), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 12, 25),
                LocalDate.of(2026, 12, 26));
    }

    @Test
    void countryCodesAreCaseInsensitiveAndUnknownOnesRefused() {
        assertThat(HolidayCalendar.of("de").country()).isEqualTo("DE");
        assertThatThrownBy(() -> HolidayCalendar.of("XX")).isInstanceOf(CountryUnknown.class)
                .hasMessageContaining("XX").hasMessageContaining("DE");
        assertThatThrownBy(() -> HolidayCalendar.of(null)).isInstanceOf(CountryUnknown.class);
    }
}
