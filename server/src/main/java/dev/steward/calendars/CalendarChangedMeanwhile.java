package dev.steward.calendars;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** Two requests changed the tenant's calendar at the same moment; the later one is refused and may be retried. */
public final class CalendarChangedMeanwhile extends ProblemException {

    public CalendarChangedMeanwhile() {
        super("calendar-changed-meanwhile", HttpStatus.CONFLICT, "The calendar was changed meanwhile",
                "the calendar was changed at the same moment by another request: try again");
    }
}
