package dev.steward.tenancy;

import java.time.LocalDate;
import java.util.List;

/** A change of a tenant's contract; null fields stay as they are. */
public record TenantPatch(String name, TenantState state, LocalDate contractStart, LocalDate contractEnd,
        Boolean fullyManaged, Integer incidentNoticeHours, List<String> storageCountries, Integer expectedVersion) {
}
