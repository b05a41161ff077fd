package dev.steward.identity.web;

import java.time.Instant;
import java.util.UUID;

import dev.steward.identity.Account;
import dev.steward.platform.Role;

/** An account as the API shows it; {@code version} is what a PATCH sends back as {@code expectedVersion}. */
record AccountView(UUID id, UUID tenantId, String username, String displayName, Role role, boolean mfaEnrolled,
        boolean locked, boolean disabled, Instant createdAt, int version) {

    static AccountView of(Account a, Instant now) {
        return new AccountView(a.id(), a.tenantId(), a.username(), a.displayName(), a.role(), a.totpEnabled(),
                a.lockedAt(now), a.disabled(), a.createdAt(), a.version());
    }
}
