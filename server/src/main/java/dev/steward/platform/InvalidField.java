package dev.steward.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A field of the request is missing or wrong; nothing was changed. */
public final class InvalidField extends ProblemException {

    public InvalidField(String field, String message) {
        super("invalid-field", HttpStatus.BAD_REQUEST, "Invalid request field", field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
