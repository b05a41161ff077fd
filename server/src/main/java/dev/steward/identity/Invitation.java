package dev.steward.identity;

import java.time.Instant;
import java.util.UUID;

import dev.steward.platform.Role;

/**
 * A one-time link as stored: only the hash of its secret is kept, so this record carries none.
 *
 * @param accountId the account an MFA reset is for; for a new account, the account created once accepted
 * @param issuedBy who issued it, as the system log names actors
 * @param issuedByProvider whether provider staff issued it into a customer tenant
 */
public record Invitation(UUID tenantId, UUID id, InvitationPurpose purpose, UUID accountId, String username,
        String displayName, Role role, String issuedBy, boolean issuedByProvider, Instant issuedAt, Instant expiresAt,
        Instant usedAt, Instant revokedAt) {

    /** Not used, not revoked and not expired at {@code now}. */
    public boolean openAt(Instant now) {
        return usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }
}
