package dev.steward.notices;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The endpoint did not answer the verification notice with its challenge; it stays unverified. */
public final class WebhookUnverified extends ProblemException {

    public WebhookUnverified(String reason) {
        super("webhook-unverified", HttpStatus.UNPROCESSABLE_CONTENT, "Webhook endpoint not verified",
                "the endpoint did not echo the verification challenge: " + reason);
    }
}
