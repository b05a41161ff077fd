package dev.steward.identity;

import java.time.Instant;
import java.util.UUID;

import dev.steward.platform.Role;

/**
 * A person's account in one tenant. The password is kept only as an Argon2id hash. The TOTP seed
 * is never part of this value: it is stored sealed under the tenant's key hierarchy and opened
 * only to check a code, so {@code totpSecret} is always null when read from storage (the
 * component stays for source compatibility). {@code failedLogins} and {@code lockedUntil} count
 * and lock wrong second-factor codes, account-wide; wrong passwords count per account and source
 * address (see {@code docs/design/sign-in.md}). {@code version} guards administrators' changes
 * (optimistic locking); {@code securityEpoch} rises with every change that must end open console
 * sessions (disabling, role change, MFA reset, password change). {@code toString()} prints no secret.
 */
public record Account(UUID tenantId, UUID id, String username, String displayName, Role role, String passwordHash,
        String totpSecret, boolean totpEnabled, long lastTotpStep, int failedLogins, Instant lockedUntil,
        boolean disabled, Instant createdAt, Instant updatedAt, int version, int securityEpoch) {

    /** A new account (version 0, epoch 0). */
    public Account(UUID tenantId, UUID id, String username, String displayName, Role role, String passwordHash,
            String totpSecret, boolean totpEnabled, long lastTotpStep, int failedLogins, Instant lockedUntil,
            boolean disabled, Instant createdAt, Instant updatedAt) {
        this(tenantId, id, username, displayName, role, passwordHash, totpSecret, totpEnabled, lastTotpStep,
                failedLogins, lockedUntil, disabled, createdAt, updatedAt, 0, 0);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** A new password; open sessions end (the epoch rises). */
    public Account withPasswordHash(String hash, Instant now) {
        return new Account(tenantId, id, username, displayName, role, hash, totpSecret, totpEnabled, lastTotpStep,
                failedLogins, lockedUntil, disabled, createdAt, now, version, securityEpoch + 1);
    }

    /** Failures forgotten and any lock lifted. */
    public Account withFailuresReset(Instant now) {
        return new Account(tenantId, id, username, displayName, role, passwordHash, totpSecret, totpEnabled,
                lastTotpStep, 0, null, disabled, createdAt, now, version, securityEpoch);
    }

    @Override
    public String toString() {
        return "Account[" + username + "@" + tenantId + ", " + role + "]";
    }
}
