package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.steward.platform.InvalidField;

class PurposeTest {

    @Test
    void aNamedPurposeIsStrippedAndKeptAsItsName() {
        assertThat(Purpose.named("  legal-claims ", "purpose")).isEqualTo(Purpose.LEGAL_CLAIMS);
        assertThat(Purpose.named("contract", "purpose").toString()).isEqualTo("contract");
    }

    @Test
    void aMissingPurposeIsNotAllowedAndAMalformedOneIsBadInputBothNamingTheField() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> Purpose.named(missing, "purpose")).isInstanceOfSatisfying(PurposeNotAllowed.class,
                    e -> assertThat(e.properties().get("errors").toString()).contains("field=purpose"));
        }
        for (String malformed : new String[] {"Contract", "con tract", "-x", "1st", "x".repeat(65), "ümlaut", "a_b"}) {
            assertThatThrownBy(() -> Purpose.named(malformed, "purpose")).as(malformed)
                    .isInstanceOfSatisfying(InvalidField.class,
                            e -> assertThat(e.properties().get("errors").toString()).contains("field=purpose"));
        }
        assertThat(Purpose.namedIfGiven(" ", "purpose")).as("nothing given: the default applies").isNull();
    }

    @Test
    void theLongestNameFitsTheColumn() {
        assertThat(new Purpose("p" + "x".repeat(63)).name()).hasSize(64);
    }
}
