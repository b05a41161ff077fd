package dev.steward.rights.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.calendars.TenantCalendars;
import dev.steward.deadlines.Deadline;
import dev.steward.deadlines.DeadlineStatus;
import dev.steward.deadlines.LegalPeriod;
import dev.steward.deadlines.TenantCalendar;

/**
 * A request's legal clock: one month from receipt (Art. 12(3) GDPR), counted by Regulation
 * 1182/71 in the tenant's calendar, with the one extension granted and the pauses taken while the
 * requester was asked for proof of identity or a clarification.
 */
@Component
public class RequestDeadlines {

    public static final LegalPeriod PERIOD = LegalPeriod.months(1);

    private final TenantCalendars calendars;

    RequestDeadlines(TenantCalendars calendars) {
        this.calendars = calendars;
    }

    public TenantCalendar calendarOf(UUID tenant) {
        return calendars.of(tenant);
    }

    public Deadline of(RequestRow r) {
        return of(r, calendarOf(r.tenantId()));
    }

    /** The deadline the row describes, in {@code calendar} (lists read a tenant's calendar once). */
    public Deadline of(RequestRow r, TenantCalendar calendar) {
        Deadline d = Deadline.starting(r.receivedAt(), PERIOD, calendar);
        // applied in time order, as they happened: the deadlines module refuses a pause or an
        // extension dated after the clock ran out, and so the rows never hold one
        Instant extendedAt = r.extensionMonths() > 0 ? r.extendedAt() : null;
        for (RequestRow.PauseRow p : r.pauses()) {
            if (extendedAt != null && extendedAt.isBefore(p.pausedAt())) {
                d = d.extend(LegalPeriod.months(r.extensionMonths()), "extended", extendedAt);
                extendedAt = null;
            }
            d = d.pause(p.pausedAt(), p.reason());
            if (p.resumedAt() != null) {
                d = d.resume(p.resumedAt());
            }
        }
        if (extendedAt != null) {
            d = d.extend(LegalPeriod.months(r.extensionMonths()), "extended", extendedAt);
        }
        return d;
    }

    /** The clock at {@code at}; for an answered request, as it stood when it was answered. */
    public DeadlineStatus statusAt(RequestRow r, TenantCalendar calendar, Instant at) {
        Instant when = r.answeredAt() != null ? r.answeredAt() : at;
        return of(r, calendar).statusAt(when);
    }
}
