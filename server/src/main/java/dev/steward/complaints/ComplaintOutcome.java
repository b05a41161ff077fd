package dev.steward.complaints;

import java.util.Locale;

import dev.steward.platform.InvalidField;

/** What the investigation found, as the response tells the complainant. Not personal data: kept in clear for reports. */
public enum ComplaintOutcome {
    UPHELD, PARTLY_UPHELD, NOT_UPHELD;

    /** The outcome named in {@code field}: {@code upheld}, {@code partly-upheld}, {@code not_upheld}. */
    public static ComplaintOutcome named(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidField(field, "is required: upheld, partly-upheld or not-upheld");
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be upheld, partly-upheld or not-upheld");
        }
    }

    /** {@code partly upheld}, as pages and messages say it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
