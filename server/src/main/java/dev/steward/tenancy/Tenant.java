package dev.steward.tenancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.steward.platform.DataScope;

/**
 * A customer of the provider and its contract.
 *
 * @param fullyManaged whether provider staff may act inside this tenant (MANAGED_SERVICE)
 * @param incidentNoticeHours deadline for notifying this customer of an incident
 * @param storageCountries ISO 3166-1 alpha-2 codes where this customer's data may be stored
 */
public record Tenant(UUID id, String slug, String name, TenantState state, LocalDate contractStart,
        LocalDate contractEnd, boolean fullyManaged, int incidentNoticeHours, List<String> storageCountries,
        Instant createdAt, Instant updatedAt, int version) {

    public boolean isProvider() {
        return DataScope.PROVIDER_TENANT.equals(id);
    }

    public boolean isActive() {
        return state == TenantState.ACTIVE || state == TenantState.TERMINATING;
    }
}
