package dev.steward.platform;

import java.util.Objects;
import java.util.UUID;

/**
 * Which tenant's rows the current unit of work may touch. {@code providerWide} is given only to
 * provider administration (tenant register), never to work done inside a tenant.
 */
public record DataScope(UUID tenantId, boolean providerWide) {

    public static final UUID PROVIDER_TENANT = new UUID(0, 0);

    public DataScope {
        Objects.requireNonNull(tenantId, "tenantId");
    }

    public static DataScope tenant(UUID tenantId) {
        return new DataScope(tenantId, false);
    }

    public static DataScope wholeProvider() {
        return new DataScope(PROVIDER_TENANT, true);
    }
}
