package dev.steward.deadlines;

/**
 * A fact about a legal period or a running clock that makes a request impossible. Each subclass
 * names one fact, so a caller (a web adapter) can map it to one problem type.
 */
public abstract sealed class DeadlinesException extends RuntimeException
        permits PeriodUnreadable, CountryUnknown, DeadlineAlreadyPassed, ClockAlreadyPaused, ClockNotPaused,
                DatedBeforeStart, ExtensionReasonMissing, ExtensionUnitMismatch {

    DeadlinesException(String message) {
        super(message);
    }
}
