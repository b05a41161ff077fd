package dev.steward.complaints;

import java.time.Duration;
import java.time.Instant;

import dev.steward.platform.InvalidField;

/** Validation of what a complaint and its steps carry; each failure names its field and nothing is changed. */
final class ComplaintInputs {

    static final int MAX_TEXT = 8000;
    static final int MAX_NOTE = 4000;
    /** The response is emailed with a few lines around it, and a notice body holds at most 4,000 characters. */
    static final int MAX_RESPONSE = 3000;
    /** A complaint recorded late (a letter opened after a holiday) may date back this far, not more. */
    static final Duration MAX_BACKDATING = Duration.ofDays(90);

    private ComplaintInputs() {
    }

    static String required(String raw, String field, int max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidField(field, "is required");
        }
        if (raw.length() > max) {
            throw new InvalidField(field, "must be at most " + max + " characters");
        }
        return raw.strip();
    }

    static String optional(String raw, String field, int max) {
        return raw == null || raw.isBlank() ? null : required(raw, field, max);
    }

    static Instant receivedAt(Instant raw, Instant now) {
        if (raw == null) {
            return now;
        }
        if (raw.isAfter(now)) {
            throw new InvalidField("receivedAt", "must not be in the future");
        }
        if (raw.isBefore(now.minus(MAX_BACKDATING))) {
            throw new InvalidField("receivedAt", "must be within the last " + MAX_BACKDATING.toDays() + " days");
        }
        return raw;
    }
}
