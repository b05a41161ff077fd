package dev.steward.rights;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/**
 * A privacy-page link that is unknown, spent or expired: one answer for all three, so a guessed
 * link learns nothing.
 */
public final class PrivacyLinkInvalid extends ProblemException {

    public PrivacyLinkInvalid() {
        super("privacy-link-invalid", HttpStatus.GONE, "This link is no longer valid",
                "the link is unknown, was used already or has expired");
    }
}
