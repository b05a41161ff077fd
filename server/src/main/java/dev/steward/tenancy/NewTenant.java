package dev.steward.tenancy;

import java.time.LocalDate;
import java.util.List;

/** What a provider operator gives to create a tenant; validated by {@link TenantRegister}. */
public record NewTenant(String slug, String name, LocalDate contractStart, LocalDate contractEnd,
        boolean fullyManaged, int incidentNoticeHours, List<String> storageCountries) {
}
