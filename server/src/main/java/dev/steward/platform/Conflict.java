package dev.steward.platform;

import org.springframework.http.HttpStatus;

/** The request contradicts the current state (a name already taken, a stale version...). */
public final class Conflict extends ProblemException {

    public Conflict(String detail) {
        super("conflict", HttpStatus.CONFLICT, "Conflict", detail);
    }
}
