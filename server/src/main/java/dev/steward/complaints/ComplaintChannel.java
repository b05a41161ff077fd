package dev.steward.complaints;

import java.util.Locale;

import dev.steward.platform.InvalidField;

/** How a complaint arrived. */
public enum ComplaintChannel {
    /** The complainant's own submission on the tenant's public complaint form. */
    WEB_FORM,
    /** Received by email or by post and recorded by staff. */
    EMAIL, POST;

    /** A channel staff may record a complaint under: {@code email} or {@code post} (the form records its own). */
    public static ComplaintChannel recorded(String raw, String field) {
        String v = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "EMAIL" -> EMAIL;
            case "POST", "LETTER" -> POST;
            default -> throw new InvalidField(field, v.isEmpty() ? "is required: email or post" : "must be email or post");
        };
    }
}
