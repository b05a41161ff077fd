package dev.steward.calendars.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.calendars.CalendarChanges;
import dev.steward.calendars.CalendarInputs;
import dev.steward.calendars.CalendarSettings;
import dev.steward.calendars.CalendarYear;
import dev.steward.calendars.RemovedHoliday;
import dev.steward.calendars.TenantCalendars;
import dev.steward.calendars.YearHoliday;
import dev.steward.platform.Caller;
import dev.steward.platform.Callers;

/**
 * The caller's tenant's calendar, in which its legal periods (rights requests, complaints) are
 * counted: time zone, country, and the public holidays it added or removed.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

    private final TenantCalendars calendars;
    private final CalendarChanges changes;

    CalendarApi(TenantCalendars calendars, CalendarChanges changes) {
        this.calendars = calendars;
        this.changes = changes;
    }

    @Schema(description = "The tenant's time zone and country")
    record SettingsView(@Schema(description = "IANA time zone, e.g. Europe/Paris") String zone,
            @Schema(description = "ISO 3166-1 alpha-2 country whose public holidays count; absent for none") String country,
            @Schema(description = "false while the default holds (first storage country, its capital's zone)") boolean chosen,
            @Schema(description = "when the tenant set them; absent while defaulted") Instant updatedAt,
            @Schema(description = "who set them; absent while defaulted") String updatedBy) {

        static SettingsView of(CalendarSettings s) {
            return new SettingsView(s.zone().getId(), s.country(), s.chosen(), s.updatedAt(), s.updatedBy());
        }
    }

    @Schema(description = "A public holiday of the tenant's calendar")
    record HolidayView(LocalDate date, String name,
            @Schema(description = "national (the country's rules) or added (by the tenant)",
                    allowableValues = {"national", "added"}) String origin,
            @Schema(description = "when the tenant added it; absent for a national holiday") Instant addedAt,
            @Schema(description = "who added it; absent for a national holiday") String addedBy) {

        static HolidayView of(YearHoliday h) {
            return new HolidayView(h.date(), h.name(), h.origin().name().toLowerCase(Locale.ROOT), h.addedAt(),
                    h.addedBy());
        }
    }

    @Schema(description = "A national holiday the tenant made a working day")
    record RemovedView(LocalDate date,
            @Schema(description = "the national holiday of that date; absent if the current country has none") String nationalName,
            Instant removedAt, String removedBy) {

        static RemovedView of(RemovedHoliday r) {
            return new RemovedView(r.date(), r.nationalName(), r.removedAt(), r.removedBy());
        }
    }

    @Schema(description = "One year of the tenant's calendar")
    record CalendarView(int year, SettingsView settings,
            @Schema(description = "working days of the year (Regulation 1182/71: not Saturday, Sunday or a holiday)")
            long workingDays, List<HolidayView> holidays, List<RemovedView> removed) {

        static CalendarView of(CalendarYear y) {
            return new CalendarView(y.year(), SettingsView.of(y.settings()), y.workingDays(),
                    y.holidays().stream().map(HolidayView::of).toList(),
                    y.removed().stream().map(RemovedView::of).toList());
        }
    }

    @Schema(description = "The tenant's zone and country, replacing the default or the earlier choice",
            requiredProperties = "zone")
    record SettingsBody(@Schema(description = "IANA time zone, e.g. Europe/Paris") String zone,
            @Schema(description = "EU/EEA country (ISO 3166-1 alpha-2) whose national holidays count;"
                    + " absent or null for none (weekends and added dates only)") String country) {
    }

    @Schema(description = "A date to make a holiday", requiredProperties = {"date", "name"})
    record HolidayBody(@Schema(description = "ISO date, e.g. 2027-05-03") String date,
            @Schema(description = "what the holiday is called (1-100 characters)") String name) {
    }

    @GetMapping
    CalendarView year(@Parameter(description = "the year to show; the current year in the tenant's zone when absent")
            @RequestParam(required = false) Integer year) {
        Caller caller = Callers.current();
        return CalendarView.of(calendars.year(caller, year != null ? year : calendars.currentYear(caller)));
    }

    @PutMapping
    SettingsView configure(@RequestBody SettingsBody body) {
        return SettingsView.of(changes.configure(Callers.current(), body.zone(), body.country()));
    }

    @PostMapping("/holidays")
    @ApiResponse(responseCode = "201", description = "Added; Location names the date")
    ResponseEntity<HolidayView> addHoliday(@RequestBody HolidayBody body) {
        LocalDate date = CalendarInputs.date(body.date(), "date");
        HolidayView added = HolidayView.of(changes.addHoliday(Callers.current(), date, body.name()));
        return ResponseEntity.created(URI.create("/api/v1/calendar/holidays/" + date)).body(added);
    }

    @DeleteMapping("/holidays/{date}")
    @ApiResponse(responseCode = "204", description = "The date is a working day of the tenant now")
    ResponseEntity<Void> removeHoliday(@PathVariable String date) {
        changes.removeHoliday(Callers.current(), CalendarInputs.date(date, "date"));
        return ResponseEntity.noContent().build();
    }
}
