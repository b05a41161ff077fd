package dev.steward.rights;

import java.time.Duration;
import java.time.Instant;

import dev.steward.platform.InvalidField;
import dev.steward.rights.internal.Fulfiller;

/** Validation of what a request carries; each failure names its field and nothing is changed. */
final class RequestInputs {

    static final int MAX_SUBJECT_ID = 200;
    static final int MAX_TEXT = 4000;
    static final int MAX_REASON = 1000;
    /** A request recorded late (a letter opened after a holiday) may date back this far, not more. */
    static final Duration MAX_BACKDATING = Duration.ofDays(90);

    private RequestInputs() {
    }

    static String subjectId(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > MAX_SUBJECT_ID || raw.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField(field, "must be 1 to " + MAX_SUBJECT_ID + " characters without control characters");
        }
        return raw;
    }

    static String text(String raw, String field, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > max) {
            throw new InvalidField(field, "must be at most " + max + " characters");
        }
        return raw.strip();
    }

    static String required(String raw, String field, int max) {
        String s = text(raw, field, max);
        if (s == null) {
            throw new InvalidField(field, "is required");
        }
        return s;
    }

    static final int MAX_CORRECTIONS = 1000;

    /** The corrections given with a decision, each with a record id and a document; none when absent. */
    static java.util.List<Fulfiller.Correction> corrections(java.util.List<Correction> raw) {
        if (raw == null) {
            return java.util.List.of();
        }
        if (raw.size() > MAX_CORRECTIONS) {
            throw new InvalidField("corrections", "must be at most " + MAX_CORRECTIONS + " corrections");
        }
        java.util.List<Fulfiller.Correction> out = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Correction c = raw.get(i);
            String at = "corrections[" + i + "].";
            if (c == null || c.recordId() == null || c.recordId().isBlank()) {
                throw new InvalidField(at + "recordId", "is required");
            }
            java.util.UUID id;
            try {
                id = java.util.UUID.fromString(c.recordId().strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidField(at + "recordId", "must be a record id (a UUID)");
            }
            if (c.document() == null || c.document().isBlank()) {
                throw new InvalidField(at + "document", "is required: the record's corrected document");
            }
            out.add(new Fulfiller.Correction(id, c.document()));
        }
        return out;
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
