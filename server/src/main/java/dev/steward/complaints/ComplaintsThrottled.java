package dev.steward.complaints;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** Too many complaint forms from one network address: the form asks it to wait. */
public final class ComplaintsThrottled extends ProblemException {

    private final Duration retryAfter;

    public ComplaintsThrottled(Duration retryAfter) {
        super("too-many-complaints", HttpStatus.TOO_MANY_REQUESTS, "Too many complaints",
                "too many complaints were sent from your network address in the last hour: please try again later,"
                        + " or write to the privacy contact");
        this.retryAfter = retryAfter;
    }

    /** How long the source should wait before it may send again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
