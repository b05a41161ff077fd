package dev.steward.identity;

import java.time.Instant;
import java.util.UUID;

import dev.steward.platform.Role;

/** An API token of a system, scoped to one tenant and one role; its secret is stored only as a hash. */
public record ApiToken(UUID tenantId, UUID id, String name, Role role, String secretHash, UUID createdBy,
        Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + "@" + tenantId + ", " + role + "]";
    }
}
