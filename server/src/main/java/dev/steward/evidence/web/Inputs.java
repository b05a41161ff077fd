package dev.steward.evidence.web;

import java.time.Instant;

import dev.steward.platform.InvalidField;

/** Parsing of request parameters into values, naming the field when one is wrong. */
final class Inputs {

    private Inputs() {
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField(field, "must be an ISO-8601 UTC time like 2026-11-27T10:00:00Z");
        }
    }
}
