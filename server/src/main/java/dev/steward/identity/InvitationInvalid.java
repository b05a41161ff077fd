package dev.steward.identity;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/**
 * The link is unknown, altered, used, revoked or expired. One answer for all of them, so a
 * guesser learns nothing about which links exist.
 */
public final class InvitationInvalid extends ProblemException {

    public InvitationInvalid() {
        super("invitation-invalid", HttpStatus.NOT_FOUND, "Invitation not valid",
                "this link is not valid: it may have been used or have expired; ask your administrator for a new one");
    }
}
