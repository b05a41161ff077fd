package dev.steward.identity.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.steward.identity.Account;
import dev.steward.identity.IssuedInvitation;
import dev.steward.platform.Role;

/**
 * An account as the API shows it; {@code version} is what a PATCH sends back as {@code expectedVersion}.
 *
 * @param enrolmentLink only in the answer to the reset of a second factor: the one-time link the
 *        account's holder needs (with their password) to enrol a new one; shown this once
 */
record AccountView(UUID id, UUID tenantId, String username, String displayName, Role role, boolean mfaEnrolled,
        boolean locked, boolean disabled, Instant createdAt, int version,
        @JsonInclude(JsonInclude.Include.NON_NULL) String enrolmentLink,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant enrolmentLinkExpiresAt) {

    static AccountView of(Account a, Instant now) {
        return new AccountView(a.id(), a.tenantId(), a.username(), a.displayName(), a.role(), a.totpEnabled(),
                a.lockedAt(now), a.disabled(), a.createdAt(), a.version(), null, null);
    }

    AccountView withEnrolmentLink(IssuedInvitation link) {
        return link == null ? this : new AccountView(id, tenantId, username, displayName, role, mfaEnrolled, locked,
                disabled, createdAt, version, link.path(), link.invitation().expiresAt());
    }
}
