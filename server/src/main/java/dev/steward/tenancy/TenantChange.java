package dev.steward.tenancy;

import java.time.Instant;
import java.util.UUID;

/** One recorded change of a tenant or its contract. */
public record TenantChange(UUID tenantId, int version, Instant changedAt, String actor, String summary) {
}
