package dev.steward.calendars.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.steward.deadlines.CountryHolidays;

class CapitalZonesTest {

    @Test
    void everyCountryWithHolidayRulesHasItsCapitalsZone() {
        assertThat(CountryHolidays.countries()).allSatisfy(c -> assertThat(CapitalZones.of(c)).as(c).isPresent());
        assertThat(CapitalZones.of("PT")).contains(ZoneId.of("Europe/Lisbon"));
        assertThat(CapitalZones.of("CY")).contains(ZoneId.of("Asia/Nicosia"));
    }

    @Test
    void aCountryOutsideTheTableHasNone() {
        assertThat(CapitalZones.of("CH")).isEmpty();
        assertThat(CapitalZones.of(null)).isEmpty();
    }
}
