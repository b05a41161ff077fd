package dev.steward.complaints.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.calendars.TenantCalendars;
import dev.steward.deadlines.Deadline;
import dev.steward.deadlines.LegalPeriod;
import dev.steward.deadlines.PeriodEnd;

/**
 * A complaint's deadline: one month from receipt, counted by Regulation 1182/71 in the calendar of
 * the tenant it concerns (a last day on a weekend or holiday moves to the next working day). Counted
 * once, at receipt: the date told to the complainant is kept, so a later edit of the calendar does not
 * move a promise already made.
 */
@Component
public class ComplaintDeadlines {

    public static final LegalPeriod PERIOD = LegalPeriod.months(1);

    private final TenantCalendars calendars;

    ComplaintDeadlines(TenantCalendars calendars) {
        this.calendars = calendars;
    }

    /** Must run in the tenant's scope (its calendar is read in the caller's transaction). */
    public PeriodEnd dueFor(UUID tenant, Instant receivedAt) {
        return Deadline.starting(receivedAt, PERIOD, calendars.of(tenant)).nominalEnd();
    }
}
