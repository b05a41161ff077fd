package dev.steward.platform;

import org.springframework.http.HttpStatus;

/** The caller's role does not allow this act on its own tenant. */
public final class Forbidden extends ProblemException {

    public Forbidden(String detail) {
        super("forbidden", HttpStatus.FORBIDDEN, "Forbidden", detail);
    }
}
