package dev.steward.records;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** The purpose is missing or not one for which this processing is allowed. Nothing was read or changed. */
public final class PurposeNotAllowed extends AccessRefused {

    public PurposeNotAllowed(String message) {
        this("purpose", message);
    }

    public PurposeNotAllowed(String field, String message) {
        super("purpose-not-allowed", HttpStatus.BAD_REQUEST, "Purpose not allowed", field + ": " + message,
                Map.of("errors", List.of(Map.of("field", field, "message", message))));
    }
}
