package dev.steward.identity.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.identity.Invitations;
import dev.steward.identity.NewInvitation;
import dev.steward.platform.Callers;
import dev.steward.platform.ShownOnce;

/**
 * Invitations: an administrator invites people of their own tenant ({@code /invitations}); a
 * provider operator onboards the first administrator of a customer tenant, and managed-service
 * staff invite people of a fully managed one ({@code /tenants/{tenantId}/invitations}). The answer
 * carries the one-time link; the person who opens it sets their own password and second factor.
 */
@RestController
@RequestMapping("/api/v1")
class InvitationApi {

    private final Invitations invitations;

    InvitationApi(Invitations invitations) {
        this.invitations = invitations;
    }

    @PostMapping("/invitations")
    @ShownOnce("link")
    ResponseEntity<InvitationView> invite(@RequestBody NewInvitation request) {
        return inviteInto(Callers.current().tenantId(), request);
    }

    @PostMapping("/tenants/{tenantId}/invitations")
    @ShownOnce("link")
    ResponseEntity<InvitationView> inviteInto(@PathVariable UUID tenantId, @RequestBody NewInvitation request) {
        InvitationView issued = InvitationView.of(invitations.issue(Callers.current(), tenantId, request));
        // no Location: the only address of an invitation is its secret link, which belongs in the body alone
        // (headers end up in proxies' access logs)
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }
}
