package dev.steward.deadlines;

/** Resuming a clock that is not paused. */
public final class ClockNotPaused extends DeadlinesException {

    ClockNotPaused() {
        super("the clock is not paused");
    }
}
