package dev.steward.tenancy.web;

import java.time.LocalDate;
import java.util.List;

import dev.steward.platform.InvalidField;
import dev.steward.tenancy.NewTenant;

record CreateTenantRequest(String slug, String name, LocalDate contractStart, LocalDate contractEnd,
        Boolean fullyManaged, Integer incidentNoticeHours, List<String> storageCountries) {

    NewTenant toNewTenant() {
        if (incidentNoticeHours == null) {
            throw new InvalidField("incidentNoticeHours", "is required");
        }
        return new NewTenant(slug, name, contractStart, contractEnd, Boolean.TRUE.equals(fullyManaged),
                incidentNoticeHours, storageCountries);
    }
}
