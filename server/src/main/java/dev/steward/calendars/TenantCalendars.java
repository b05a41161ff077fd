package dev.steward.calendars;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.calendars.internal.CalendarEdit;
import dev.steward.calendars.internal.CalendarRows;
import dev.steward.calendars.internal.CapitalZones;
import dev.steward.deadlines.CountryHolidays;
import dev.steward.deadlines.HolidayCalendar;
import dev.steward.deadlines.TenantCalendar;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.TenantRegister;

/**
 * The calendar in which a tenant's legal periods are counted: its time zone and its public
 * holidays (a country's national days, plus the dates it added, minus those it removed).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>{@link #of} reads the latest committed calendar on every call (or the caller's own
 *       uncommitted change inside its transaction): no cache, so no node counts with a stale one.
 *       It costs two primary-key reads (settings, edits) and, while the tenant has set nothing,
 *       one read of the tenant.</li>
 *   <li>Until the tenant sets its calendar, the default holds: the country is the tenant's first
 *       storage country if {@link CountryHolidays} has its rules, else none (weekends only); the
 *       zone is that country's capital's, else UTC. A change of storage countries moves the default.</li>
 *   <li>A tenant's edits are its own: one tenant's calendar never counts another's.</li>
 * </ul>
 */
@Service
public class TenantCalendars {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final TenantRegister tenants;
    private final CalendarRows rows;
    private final TransactionTemplate tx;
    private final Clock clock;

    TenantCalendars(TenantRegister tenants, CalendarRows rows, TransactionTemplate tx, Clock clock) {
        this.tenants = tenants;
        this.rows = rows;
        this.tx = tx;
        this.clock = clock;
    }

    /** The tenant's calendar, as its deadlines are counted now. */
    public TenantCalendar of(UUID tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return inTenant(tenantId, () -> calendar(settings(tenantId), rows.edits(tenantId)));
    }

    /** One year of the caller's tenant's calendar. */
    public CalendarYear year(Caller caller, int year) {
        caller.require(CalendarPermissions.CALENDAR_READ);
        CalendarInputs.year(year, "year");
        UUID t = caller.tenantId();
        return inTenant(t, () -> {
            CalendarSettings settings = settings(t);
            List<CalendarEdit> edits = rows.edits(t);
            TenantCalendar calendar = calendar(settings, edits);
            Map<LocalDate, CalendarEdit> byDate = edits.stream()
                    .collect(Collectors.toMap(CalendarEdit::date, Function.identity()));
            List<YearHoliday> holidays = new ArrayList<>();
            calendar.holidays().holidaysIn(year).forEach((date, name) -> {
                CalendarEdit edit = byDate.get(date);
                holidays.add(edit != null && edit.isAdded()
                        ? new YearHoliday(date, name, YearHoliday.Origin.ADDED, edit.changedAt(), edit.changedBy())
                        : new YearHoliday(date, name, YearHoliday.Origin.NATIONAL, null, null));
            });
            HolidayCalendar national = national(settings.country());
            List<RemovedHoliday> removed = edits.stream()
                    .filter(e -> !e.isAdded() && e.date().getYear() == year)
                    .map(e -> new RemovedHoliday(e.date(), national.holidayOn(e.date()).orElse(null), e.changedAt(),
                            e.changedBy()))
                    .toList();
            return new CalendarYear(year, settings, holidays, removed, calendar);
        });
    }

    /** The current year in the caller's tenant's zone. */
    public int currentYear(Caller caller) {
        caller.require(CalendarPermissions.CALENDAR_READ);
        UUID t = caller.tenantId();
        return LocalDate.now(clock.withZone(inTenant(t, () -> settings(t)).zone())).getYear();
    }

    /** The settings the tenant chose, or the default (see the class's guarantees). In the tenant's scope. */
    CalendarSettings settings(UUID tenantId) {
        return rows.settings(tenantId).orElseGet(() -> {
            String country = tenants.find(tenantId).flatMap(t -> t.storageCountries().stream().findFirst())
                    .filter(CountryHolidays.countries()::contains).orElse(null);
            return new CalendarSettings(CapitalZones.of(country).orElse(UTC), country, false, null, null);
        });
    }

    /** The country's national holidays without the tenant's edits (none for no country). */
    static HolidayCalendar national(String country) {
        return country == null ? HolidayCalendar.none() : HolidayCalendar.of(country);
    }

    /** Runs in one transaction (joining the caller's, if any) scoped to the tenant. */
    <T> T inTenant(UUID tenantId, Supplier<T> work) {
        return TenantScope.call(DataScope.tenant(tenantId), () -> tx.execute(s -> work.get()));
    }

    private static TenantCalendar calendar(CalendarSettings settings, List<CalendarEdit> edits) {
        HolidayCalendar national = national(settings.country());
        SortedMap<LocalDate, String> added = new TreeMap<>();
        Set<LocalDate> removed = new TreeSet<>();
        for (CalendarEdit e : edits) {
            if (e.isAdded()) {
                added.put(e.date(), e.name());
            } else {
                removed.add(e.date());
            }
        }
        return new TenantCalendar(settings.zone(),
                new HolidayCalendar(national.country(), national.rules(), added, removed));
    }
}
