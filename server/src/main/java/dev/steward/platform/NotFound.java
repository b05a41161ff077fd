package dev.steward.platform;

import org.springframework.http.HttpStatus;

/**
 * The object does not exist for the caller. Also the answer when it exists in another tenant:
 * a caller never learns that another tenant's object exists.
 */
public final class NotFound extends ProblemException {

    public NotFound(String what) {
        super("not-found", HttpStatus.NOT_FOUND, "Not found", what + " was not found");
    }
}
