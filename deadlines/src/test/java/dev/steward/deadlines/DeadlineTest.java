package dev.steward.deadlines;

import static dev.steward.deadlines.EuPeriodCountingTest.BERLIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.deadlines.DeadlineStatus.State;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    static Instant berlin(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN.zone()).toInstant();
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** A subject access request received on Tuesday 20 January 2026: one month, to Friday 20 February. */
    static final Deadline ACCESS_REQUEST = Deadline.starting(berlin("2026-01-20T09:00"), LegalPeriod.months(1), BERLIN);

    /** A breach become known on Monday 4 May 2026 at 10:17: 72 hours from 11:00, to Thursday 11:00. */
    static final Deadline BREACH = Deadline.starting(berlin("2026-05-04T10:17"), LegalPeriod.hours(72), BERLIN);

    @Nested
    class Pauses {

        @Test
        void aPauseSpanningTheMonthEndMovesTheEndByItsDays() {
            Deadline d = ACCESS_REQUEST.pause(berlin("2026-01-30T12:00"), "waiting for proof of identity")
                    .resume(berlin("2026-02-03T12:00"));

            DeadlineStatus status = d.statusAt(berlin("2026-02-10T09:00"));

            assertThat(ACCESS_REQUEST.nominalEnd().lastDay()).isEqualTo("2026-02-20");
            assertThat(status.lastDay()).isEqualTo("2026-02-24");
            assertThat(status.dueAt()).isEqualTo(at("2026-02-25T00:00+01:00"));
            assertThat(status.state()).isEqualTo(State.RUNNING);
        }

        @Test
        void whilePausedTheDueDateIsWhereItWouldBeIfTheClockResumedNow() {
            Deadline d = ACCESS_REQUEST.pause(berlin("2026-01-30T12:00"), "waiting for clarification");

            DeadlineStatus status = d.statusAt(berlin("2026-02-01T00:00"));

            // 36 hours paused: two whole days, 20 February becomes Sunday 22nd, so Monday 23rd.
            assertThat(status.paused()).isTrue();
            assertThat(status.state()).isEqualTo(State.PAUSED);
            assertThat(status.lastDay()).isEqualTo("2026-02-23");
            assertThat(status.remaining()).isEqualTo(Duration.between(status.at(), at("2026-02-24T00:00+01:00")));
        }

        @Test
        void aPausedClockNeverRunsOutNorReminds() {
            Deadline d = ACCESS_REQUEST.pause(berlin("2026-02-19T12:00"), "waiting for proof of identity");

            DeadlineStatus months = d.statusAt(berlin("2026-06-01T00:00"));

            assertThat(months.overdue()).isFalse();
            assertThat(months.alertDue()).isFalse();
            assertThat(months.reminderDue(Duration.ofDays(7))).isFalse();
            assertThat(months.dueAt()).isAfter(months.at());
        }

        @Test
        void anHourPausedMovesADayPeriodByADayAndThenPastTheWeekend() {
            Deadline d = ACCESS_REQUEST.pause(berlin("2026-02-05T10:00"), "clarification").resume(berlin("2026-02-05T11:00"));

            assertThat(d.statusAt(berlin("2026-02-06T00:00")).lastDay()).isEqualTo("2026-02-23");
        }

        @Test
        void aPauseMovesAnHourPeriodByExactlyThePausedTimeAndFreezesWhatRemains() {
            Deadline paused = BREACH.pause(berlin("2026-05-05T08:00"), "waiting for the supplier's report");
            Deadline resumed = paused.resume(berlin("2026-05-05T13:30"));

            assertThat(BREACH.statusAt(berlin("2026-05-05T08:00")).remaining()).isEqualTo(Duration.ofHours(51));
            assertThat(paused.statusAt(berlin("2026-05-05T10:00")).remaining()).isEqualTo(Duration.ofHours(51));
            assertThat(paused.statusAt(berlin("2026-05-05T12:00")).remaining()).isEqualTo(Duration.ofHours(51));
            assertThat(resumed.statusAt(berlin("2026-05-06T00:00")).dueAt()).isEqualTo(at("2026-05-07T16:30+02:00"));
        }

        @Test
        void aStatusBeforeAPauseDoesNotCountIt() {
            Deadline d = ACCESS_REQUEST.pause(berlin("2026-01-30T12:00"), "identity").resume(berlin("2026-02-03T12:00"));

            assertThat(d.statusAt(berlin("2026-01-25T00:00")).lastDay()).isEqualTo("2026-02-20");
        }

        @Test
        void severalPausesAddUp() {
            Deadline d = BREACH.pause(berlin("2026-05-04T12:00"), "a").resume(berlin("2026-05-04T13:00"))
                    .pause(berlin("2026-05-05T12:00"), "b").resume(berlin("2026-05-05T14:00"));

            assertThat(d.statusAt(berlin("2026-05-06T00:00")).dueAt()).isEqualTo(at("2026-05-07T14:00+02:00"));
        }

        @Test
        void aDeadlineIsAValueThatPausingDoesNotChange() {
            Deadline paused = ACCESS_REQUEST.pause(berlin("2026-01-30T12:00"), "identity");

            assertThat(ACCESS_REQUEST.pauses()).isEmpty();
            assertThat(paused.pauses()).hasSize(1);
            assertThat(paused.pauses().getFirst().isOpen()).isTrue();
        }

        @Test
        void refusesPausesThatCannotBe() {
            Deadline paused = ACCESS_REQUEST.pause(berlin("2026-01-30T12:00"), "identity");
            Deadline resumed = paused.resume(berlin("2026-02-03T12:00"));

            assertThatThrownBy(() -> paused.pause(berlin("2026-02-01T12:00"), "again"))
                    .isInstanceOf(ClockAlreadyPaused.class);
            assertThatThrownBy(() -> resumed.pause(berlin("2026-02-02T12:00"), "inside the last pause"))
                    .isInstanceOf(ClockAlreadyPaused.class);
            assertThatThrownBy(() -> ACCESS_REQUEST.resume(berlin("2026-02-01T12:00")))
                    .isInstanceOf(ClockNotPaused.class);
            assertThatThrownBy(() -> paused.resume(berlin("2026-01-29T12:00"))).isInstanceOf(DatedBeforeStart.class);
            assertThatThrownBy(() -> ACCESS_REQUEST.pause(berlin("2026-01-19T12:00"), "before the request"))
                    .isInstanceOf(DatedBeforeStart.class);
            assertThatThrownBy(() -> ACCESS_REQUEST.pause(berlin("2026-02-21T00:00"), "too late"))
                    .isInstanceOf(DeadlineAlreadyPassed.class)
                    .hasMessageContaining("2026-02-20T23:00:00Z");
        }
    }

    @Nested
    class Extensions {

        static final Deadline FROM_31_JANUARY = Deadline.starting(berlin("2025-01-31T10:00"), LegalPeriod.months(1), BERLIN);

        @Test
        void twoFurtherMonthsRunFromTheOriginalLastDay() {
            Deadline d = FROM_31_JANUARY.extend(LegalPeriod.parse("two further months"),
                    "complex request: records in four systems", berlin("2025-02-20T09:00"));

            assertThat(d.statusAt(berlin("2025-02-19T09:00")).lastDay()).isEqualTo("2025-02-28");
            DeadlineStatus extended = d.statusAt(berlin("2025-03-05T09:00"));
            // 28 February + two months: 28 April, two days before "three months from 31 January" would end.
            assertThat(extended.lastDay()).isEqualTo("2025-04-28");
            assertThat(extended.dueAt()).isEqualTo(at("2025-04-29T00:00+02:00"));
            assertThat(extended.state()).isEqualTo(State.RUNNING);
            assertThat(d.extensions().getFirst().reason()).isEqualTo("complex request: records in four systems");
        }

        @Test
        void anExtendedEndIsMovedToAWorkingDay() {
            // 20 February + one week is Friday 27 February; + 6 weeks lands on Friday 3 April 2026, Good Friday.
            Deadline d = ACCESS_REQUEST.extend(LegalPeriod.weeks(6), "many records", berlin("2026-02-10T09:00"));

            assertThat(d.statusAt(berlin("2026-02-11T00:00")).lastDay()).isEqualTo("2026-04-07");
        }

        @Test
        void pausesCountOnTopOfAnExtension() {
            Deadline d = FROM_31_JANUARY.extend(LegalPeriod.months(2), "complex", berlin("2025-02-20T09:00"))
                    .pause(berlin("2025-03-03T00:00"), "clarification").resume(berlin("2025-03-10T00:00"));

            assertThat(d.statusAt(berlin("2025-03-11T00:00")).lastDay()).isEqualTo("2025-05-05");
        }

        @Test
        void hoursExtendHours() {
            Deadline d = BREACH.extend(LegalPeriod.hours(24), "authority agreed", berlin("2026-05-05T09:00"));

            assertThat(d.statusAt(berlin("2026-05-05T10:00")).dueAt()).isEqualTo(at("2026-05-08T11:00+02:00"));
        }

        @Test
        void refusesExtensionsThatCannotBe() {
            Instant due = FROM_31_JANUARY.nominalEnd().dueAt();

            assertThatThrownBy(() -> FROM_31_JANUARY.extend(LegalPeriod.months(2), " ", berlin("2025-02-20T09:00")))
                    .isInstanceOf(ExtensionReasonMissing.class);
            assertThatThrownBy(() -> FROM_31_JANUARY.extend(LegalPeriod.months(2), "late", due))
                    .isInstanceOf(DeadlineAlreadyPassed.class);
            assertThatThrownBy(() -> BREACH.extend(LegalPeriod.months(1), "mixed units", berlin("2026-05-05T09:00")))
                    .isInstanceOf(ExtensionUnitMismatch.class);
            assertThatThrownBy(() -> FROM_31_JANUARY.extend(LegalPeriod.months(2), "early", berlin("2025-01-30T09:00")))
                    .isInstanceOf(DatedBeforeStart.class);
        }
    }

    @Nested
    class Status {

        static final Instant DUE = at("2026-02-21T00:00+01:00");

        @Test
        void runsUntilTheEndOfTheLastDayAndIsOverdueFromIt() {
            DeadlineStatus before = ACCESS_REQUEST.statusAt(DUE.minusSeconds(1));
            DeadlineStatus atDue = ACCESS_REQUEST.statusAt(DUE);
            DeadlineStatus late = ACCESS_REQUEST.statusAt(DUE.plus(Duration.ofDays(3)));

            assertThat(before.state()).isEqualTo(State.RUNNING);
            assertThat(before.remaining()).isEqualTo(Duration.ofSeconds(1));
            assertThat(before.alertDue()).isFalse();
            assertThat(atDue.state()).isEqualTo(State.OVERDUE);
            assertThat(atDue.remaining()).isZero();
            assertThat(atDue.overdueBy()).isZero();
            assertThat(late.overdueBy()).isEqualTo(Duration.ofDays(3));
            assertThat(late.alertDue()).isTrue();
            assertThat(late.dueAt()).isEqualTo(DUE);
        }

        @Test
        void remindsWithinTheLeadTime() {
            Duration week = Duration.ofDays(7);

            assertThat(ACCESS_REQUEST.statusAt(DUE.minus(week)).reminderDue(week)).isTrue();
            assertThat(ACCESS_REQUEST.statusAt(DUE.minus(week).minusSeconds(1)).reminderDue(week)).isFalse();
            assertThat(ACCESS_REQUEST.statusAt(DUE).reminderDue(week)).isFalse();
            assertThat(ACCESS_REQUEST.statusAt(berlin("2026-01-21T00:00")).reminderAt(week)).isEqualTo(DUE.minus(week));
        }
    }
}
