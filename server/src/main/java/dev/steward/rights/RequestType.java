package dev.steward.rights;

import java.util.Locale;

import dev.steward.platform.InvalidField;

/** The rights a subject can exercise through a request (GDPR Art. 15-18, 20, 21). */
public enum RequestType {
    ACCESS, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION, PORTABILITY;

    /** The type named in {@code field} of a request, in any case: {@code access}, {@code ERASURE}. */
    public static RequestType named(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidField(field, "is required: access, rectification, erasure, restriction, objection or portability");
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be access, rectification, erasure, restriction, objection or portability");
        }
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
