package dev.steward.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A name that must be unique (an account's username in its tenant, a tenant's slug) is already
 * used: refused, nothing changed. The field is data; the detail names it first, as consoles show it.
 */
public final class NameTaken extends ProblemException {

    public NameTaken(String field, String message) {
        super("name-taken", HttpStatus.CONFLICT, "Name taken", field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
