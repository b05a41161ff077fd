package dev.steward.calendars;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.steward.calendars.internal.CalendarEdit;
import dev.steward.calendars.internal.CalendarRows;
import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.Caller;
import dev.steward.platform.NotFound;

/**
 * Changes to a tenant's calendar by its administrators. Each change is validated first (bad input
 * changes nothing), then written with who and when, and committed with its system-log entry.
 * The next {@link TenantCalendars#of} on any node counts with it.
 */
@Service
public class CalendarChanges {

    private final TenantCalendars calendars;
    private final CalendarRows rows;
    private final SystemLog log;
    private final Clock clock;

    CalendarChanges(TenantCalendars calendars, CalendarRows rows, SystemLog log, Clock clock) {
        this.calendars = calendars;
        this.rows = rows;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Sets the tenant's zone and country (replacing the default).
     *
     * @param country an EU/EEA country with holiday rules, or null for no national holidays
     */
    public CalendarSettings configure(Caller caller, String zone, String country) {
        caller.require(CalendarPermissions.CALENDAR_CONFIGURE);
        CalendarSettings settings = new CalendarSettings(CalendarInputs.zone(zone), CalendarInputs.country(country),
                true, clock.instant(), caller.actor());
        return write(caller, () -> {
            rows.putSettings(caller.tenantId(), settings);
            record(caller, "calendar.configured", "calendar zone:" + settings.zone().getId() + " country:"
                    + (settings.country() == null ? "none" : settings.country()));
            return settings;
        });
    }

    /** Makes the date a holiday under the name (replacing its national name, or a removal, if any). */
    public YearHoliday addHoliday(Caller caller, LocalDate date, String name) {
        caller.require(CalendarPermissions.CALENDAR_CONFIGURE);
        CalendarInputs.year(date.getYear(), "date");
        String named = CalendarInputs.name(name);
        CalendarEdit edit = CalendarEdit.added(date, named, clock.instant(), caller.actor());
        return write(caller, () -> {
            rows.putEdit(caller.tenantId(), edit);
            record(caller, "calendar.holiday.added", "holiday:" + date);
            return new YearHoliday(date, named, YearHoliday.Origin.ADDED, edit.changedAt(), edit.changedBy());
        });
    }

    /**
     * Makes the date a working day: an added date is taken back, and a national holiday is removed
     * for this tenant (so a renamed national holiday becomes a working day too).
     *
     * @throws NotFound when the date is no holiday of the tenant's calendar
     */
    public void removeHoliday(Caller caller, LocalDate date) {
        caller.require(CalendarPermissions.CALENDAR_CONFIGURE);
        CalendarInputs.year(date.getYear(), "date");
        write(caller, () -> {
            UUID t = caller.tenantId();
            Optional<CalendarEdit> edit = rows.edit(t, date);
            if (edit.isPresent() && !edit.get().isAdded()) {
                throw new NotFound("holiday on " + date);
            }
            if (TenantCalendars.national(calendars.settings(t).country()).isHoliday(date)) {
                rows.putEdit(t, CalendarEdit.removed(date, clock.instant(), caller.actor()));
            } else if (edit.isPresent()) {
                rows.deleteEdit(t, date);
            } else {
                throw new NotFound("holiday on " + date);
            }
            record(caller, "calendar.holiday.removed", "holiday:" + date);
            return null;
        });
    }

    private <T> T write(Caller caller, Supplier<T> work) {
        try {
            return calendars.inTenant(caller.tenantId(), work);
        } catch (DuplicateKeyException e) {
            throw new CalendarChangedMeanwhile();
        }
    }

    private void record(Caller caller, String action, String object) {
        log.record(LogEvent.of(caller.tenantId(), caller, action).object(object));
    }
}
