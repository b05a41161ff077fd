package dev.steward.rights;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** Two steps raced on one request; the later one is refused and may be retried on the current state. */
public final class RequestChangedMeanwhile extends ProblemException {

    public RequestChangedMeanwhile() {
        super("request-changed-meanwhile", HttpStatus.CONFLICT, "The request was changed meanwhile",
                "another step was taken on this request meanwhile: read it again and retry");
    }
}
