package dev.steward.identity;

import java.time.Instant;
import java.util.UUID;

import dev.steward.platform.Role;

/**
 * A person's account in one tenant. The password is kept only as an Argon2id hash; the TOTP
 * secret is never shown after enrolment. {@code toString()} prints no secret.
 */
public record Account(UUID tenantId, UUID id, String username, String displayName, Role role, String passwordHash,
        String totpSecret, boolean totpEnabled, long lastTotpStep, int failedLogins, Instant lockedUntil,
        boolean disabled, Instant createdAt, Instant updatedAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "Account[" + username + "@" + tenantId + ", " + role + "]";
    }
}
