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

    public Account withPasswordHash(String hash, Instant now) {
        return new Account(tenantId, id, username, displayName, role, hash, totpSecret, totpEnabled, lastTotpStep,
                failedLogins, lockedUntil, disabled, createdAt, now);
    }

    /** Failures forgotten and any lock lifted. */
    public Account withFailuresReset(Instant now) {
        return new Account(tenantId, id, username, displayName, role, passwordHash, totpSecret, totpEnabled,
                lastTotpStep, 0, null, disabled, createdAt, now);
    }

    /** A TOTP secret (pending or enabled) and the last step used; enabling it also clears failures. */
    public Account withTotp(String secret, boolean enabled, long step, Instant now) {
        return new Account(tenantId, id, username, displayName, role, passwordHash, secret, enabled, step,
                enabled ? 0 : failedLogins, enabled ? null : lockedUntil, disabled, createdAt, now);
    }

    @Override
    public String toString() {
        return "Account[" + username + "@" + tenantId + ", " + role + "]";
    }
}
