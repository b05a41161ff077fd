package dev.steward.complaints.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.steward.support.TestClock;

/** The public complaint form's brake: a few forms an hour per page and source, a few more across pages. */
class ComplaintThrottleTest {

    private final TestClock clock = new TestClock();
    private final ComplaintThrottle throttle = new ComplaintThrottle(clock, 5, 8);
    private final UUID acme = UUID.randomUUID();
    private final UUID globex = UUID.randomUUID();

    @Test
    void oneSourceSendsFiveFormsAnHourToOnePageAndTheSixthWaitsForTheHourToPass() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit(acme, "192.0.2.1")).as("form " + (i + 1)).isTrue();
        }
        assertThat(throttle.admit(acme, "192.0.2.1")).isFalse();
        assertThat(throttle.admit(acme, "192.0.2.2")).as("another source is not slowed").isTrue();
        assertThat(throttle.admit(globex, "192.0.2.1")).as("another page still takes the source's forms").isTrue();

        clock.advance(Duration.ofMinutes(59));
        assertThat(throttle.admit(acme, "192.0.2.1")).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.admit(acme, "192.0.2.1")).as("an hour after the first").isTrue();
        assertThat(throttle.retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFloodSpreadOverManyPagesIsStillLimitedPerSource() {
        int admitted = 0;
        for (int page = 0; page < 12; page++) {
            if (throttle.admit(UUID.randomUUID(), "198.51.100.7")) {
                admitted++;
            }
        }
        assertThat(admitted).as("at most the per-source total across pages").isEqualTo(8);
        assertThat(throttle.admit(UUID.randomUUID(), "198.51.100.8")).isTrue();
    }
}
