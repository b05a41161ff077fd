package dev.steward.tenancy.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantState;

record TenantView(UUID id, String slug, String name, TenantState state, LocalDate contractStart,
        LocalDate contractEnd, boolean fullyManaged, int incidentNoticeHours, List<String> storageCountries,
        Instant createdAt, Instant updatedAt, int version) {

    static TenantView of(Tenant t) {
        return new TenantView(t.id(), t.slug(), t.name(), t.state(), t.contractStart(), t.contractEnd(),
                t.fullyManaged(), t.incidentNoticeHours(), t.storageCountries(), t.createdAt(), t.updatedAt(),
                t.version());
    }
}
