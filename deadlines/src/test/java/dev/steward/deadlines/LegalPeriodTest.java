package dev.steward.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegalPeriodTest {

    @Test
    void readsPeriodsAsLegislationWritesThem() {
        assertThat(LegalPeriod.parse("one month")).isEqualTo(LegalPeriod.months(1));
        assertThat(LegalPeriod.parse("72 hours")).isEqualTo(LegalPeriod.hours(72));
        assertThat(LegalPeriod.parse("30 days")).isEqualTo(LegalPeriod.days(30));
        assertThat(LegalPeriod.parse("two further months")).isEqualTo(LegalPeriod.months(2));
        assertThat(LegalPeriod.parse("one week")).isEqualTo(LegalPeriod.weeks(1));
        assertThat(LegalPeriod.parse("1 year")).isEqualTo(LegalPeriod.years(1));
        assertThat(LegalPeriod.parse("  Twenty-four HOURS ")).isEqualTo(LegalPeriod.hours(24));
        assertThat(LegalPeriod.parse("a month")).isEqualTo(LegalPeriod.months(1));
        assertThat(LegalPeriod.parse("three additional days")).isEqualTo(LegalPeriod.days(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "month", "zero days", "0 days", "-1 days", "three fortnights", "one month and a day",
            "99999999 days"})
    void refusesWhatIsNotAPeriod(String text) {
        assertThatThrownBy(() -> LegalPeriod.parse(text)).isInstanceOf(PeriodUnreadable.class)
                .hasMessageContaining(text);
    }

    @Test
    void refusesNullAndEmptyPeriods() {
        assertThatThrownBy(() -> LegalPeriod.parse(null)).isInstanceOf(PeriodUnreadable.class);
        assertThatThrownBy(() -> LegalPeriod.days(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsAmountAndUnit() {
        assertThat(LegalPeriod.months(1)).hasToString("1 month");
        assertThat(LegalPeriod.hours(72)).hasToString("72 hours");
    }

    @Test
    void onlyPeriodsOfTwoDaysOrMoreNeedTwoWorkingDays() {
        assertThat(LegalPeriod.days(1).spansTwoDaysOrMore()).isFalse();
        assertThat(LegalPeriod.hours(72).spansTwoDaysOrMore()).isFalse();
        assertThat(LegalPeriod.days(2).spansTwoDaysOrMore()).isTrue();
        assertThat(LegalPeriod.weeks(1).spansTwoDaysOrMore()).isTrue();
        assertThat(LegalPeriod.months(1).spansTwoDaysOrMore()).isTrue();
    }
}
