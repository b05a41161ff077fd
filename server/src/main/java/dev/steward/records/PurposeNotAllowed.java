package dev.steward.records;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** The purpose is missing, blank or not one for which this processing is allowed. Nothing was read or changed. */
public final class PurposeNotAllowed extends ProblemException {

    public PurposeNotAllowed(String message) {
        super("purpose-not-allowed", HttpStatus.BAD_REQUEST, "Purpose not allowed", "purpose: " + message,
                Map.of("errors", List.of(Map.of("field", "purpose", "message", message))));
    }
}
