package dev.steward.calendars;

import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.steward.deadlines.CountryHolidays;
import dev.steward.deadlines.HolidayCalendar;
import dev.steward.deadlines.TenantCalendar;
import dev.steward.tenancy.TenantRegister;

/**
 * The calendar in which a tenant's legal periods are counted (its zone and public holidays).
 */
@Service
public class TenantCalendars {

    private final TenantRegister tenants;

    TenantCalendars(TenantRegister tenants) {
        this.tenants = tenants;
    }

    /** The tenant's calendar: its first storage country's national holidays if known, else none; UTC. */
    public TenantCalendar of(UUID tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        HolidayCalendar holidays = tenants.find(tenantId)
                .flatMap(t -> t.storageCountries().stream().findFirst())
                .filter(c -> CountryHolidays.countries().contains(c))
                .map(HolidayCalendar::of)
                .orElseGet(HolidayCalendar::none);
        return new TenantCalendar(ZoneOffset.UTC, holidays);
    }
}
