package dev.steward.calendars.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.calendars.CalendarChanges;
import dev.steward.calendars.CalendarInputs;
import dev.steward.calendars.CalendarPermissions;
import dev.steward.calendars.CalendarYear;
import dev.steward.calendars.TenantCalendars;
import dev.steward.calendars.YearHoliday;
import dev.steward.deadlines.CountryHolidays;
import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.ProblemException;

/**
 * Console page of the tenant's calendar: the year's working days month by month, its holidays,
 * and for administrators the forms that set the zone and country, add a holiday or remove one.
 */
@Controller
class CalendarConsole implements ConsolePage {

    private static final List<String> ZONES = java.time.ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.startsWith("Europe/") || z.startsWith("Atlantic/") || z.equals("Asia/Nicosia") || z.equals("UTC"))
            .sorted().toList();

    private final TenantCalendars calendars;
    private final CalendarChanges changes;

    CalendarConsole(TenantCalendars calendars, CalendarChanges changes) {
        this.calendars = calendars;
        this.changes = changes;
    }

    @GetMapping("/console/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        Caller caller = Callers.current();
        CalendarYear y;
        try {
            y = calendars.year(caller, year != null ? year : calendars.currentYear(caller));
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            y = calendars.year(caller, calendars.currentYear(caller));
        }
        Map<LocalDate, YearHoliday> holidays = y.holidays().stream()
                .collect(Collectors.toMap(YearHoliday::date, Function.identity()));
        model.addAttribute("calendar", y);
        model.addAttribute("months", MonthGrid.of(y, holidays));
        model.addAttribute("canConfigure", caller.role().allows(CalendarPermissions.CALENDAR_CONFIGURE));
        model.addAttribute("countries", CountryHolidays.countries());
        model.addAttribute("zones", ZONES);
        return "calendar";
    }

    @PostMapping("/console/calendar/settings")
    String configure(@RequestParam String zone, @RequestParam(defaultValue = "") String country, Model model) {
        return act(null, model, () -> changes.configure(Callers.current(), zone, country.isBlank() ? null : country),
                "Zone and country saved.");
    }

    @PostMapping("/console/calendar/holidays")
    String add(@RequestParam String date, @RequestParam String name, Model model) {
        return act(date, model, () -> changes.addHoliday(Callers.current(), CalendarInputs.date(date, "date"), name),
                "Holiday added.");
    }

    @PostMapping("/console/calendar/holidays/remove")
    String remove(@RequestParam String date, Model model) {
        return act(date, model, () -> {
            changes.removeHoliday(Callers.current(), CalendarInputs.date(date, "date"));
            return null;
        }, "The date is a working day now.");
    }

    /** Runs a change and shows the year it concerns, with what happened or what was wrong. */
    private String act(String date, Model model, java.util.function.Supplier<?> change, String done) {
        try {
            change.get();
            model.addAttribute("done", done);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        Integer year = null;
        try {
            year = date == null ? null : CalendarInputs.date(date, "date").getYear();
        } catch (ProblemException e) {
            // the error is shown already; show the current year
        }
        return page(year, model);
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/calendar", "Calendar", CalendarPermissions.CALENDAR_READ, 35)
                .withSummary("the working days and public holidays in which your legal deadlines are counted.")
                .forAudience(ConsoleMenuEntry.Audience.CUSTOMERS));
    }
}
