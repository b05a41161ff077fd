package dev.steward.identity.web;

import java.time.Instant;
import java.util.UUID;

import dev.steward.identity.InvitationPurpose;
import dev.steward.identity.IssuedInvitation;
import dev.steward.platform.Role;

/** An invitation just issued, with its one-time link (relative to the console's address), shown once. */
record InvitationView(UUID id, UUID tenantId, InvitationPurpose purpose, String username, String displayName, Role role,
        Instant expiresAt, String link) {

    static InvitationView of(IssuedInvitation issued) {
        var i = issued.invitation();
        return new InvitationView(i.id(), i.tenantId(), i.purpose(), i.username(), i.displayName(), i.role(),
                i.expiresAt(), issued.path());
    }
}
