package dev.steward.records;

import java.util.regex.Pattern;

import dev.steward.platform.InvalidField;

/**
 * Why personal data is processed (PROC-2): every read and write of a record names one. A purpose is
 * a name of 1 to 64 lowercase letters, digits and hyphens, starting with a letter, so it can be
 * logged and compared as it is; whether it is <em>allowed</em> is for the access guards to decide.
 */
public record Purpose(String name) {

    // first: the constants below are checked against it as they are created
    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    /** Keeping the data stored: what a restriction of processing still allows (Art. 18(2) GDPR). */
    public static final Purpose STORAGE = new Purpose("storage");
    /** The establishment, exercise or defence of legal claims: also allowed under a restriction. */
    public static final Purpose LEGAL_CLAIMS = new Purpose("legal-claims");

    /**
     * Answering the subject's own request (access, portability, rectification: Art. 15, 16, 20 GDPR).
     * Also allowed under a restriction: giving the subject their own data is not the processing a
     * restriction stops, and Art. 15 holds whatever else was restricted.
     */
    public static final Purpose SUBJECT_RIGHTS = new Purpose("subject-rights");

    public Purpose {
        if (name == null || !FORM.matcher(name).matches()) {
            throw new IllegalArgumentException("a purpose is 1 to 64 lowercase letters, digits or hyphens");
        }
    }

    /**
     * The purpose a caller named in {@code field}: {@link PurposeNotAllowed} when it is missing or the
     * platform's own {@link #SUBJECT_RIGHTS}, {@link InvalidField} when it is not a purpose name at all.
     * All name the field.
     */
    public static Purpose named(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new PurposeNotAllowed(field, "is required: name why the personal data is processed");
        }
        return namedIfGiven(raw, field);
    }

    /** As {@link #named}, but {@code null} when nothing was given (a default applies). */
    public static Purpose namedIfGiven(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (!FORM.matcher(s).matches()) {
            throw new InvalidField(field, "must be a purpose name: 1 to 64 lowercase letters, digits or hyphens,"
                    + " starting with a letter");
        }
        if (s.equals(SUBJECT_RIGHTS.name())) {
            // it passes a restriction: named by a caller, it would open a restricted subject's records to
            // anyone who may read records; only the rights feature's fulfilment of an approved request uses it
            throw new PurposeNotAllowed(field, "'" + s + "' is the platform's own, for carrying out an approved"
                    + " data-subject request (/api/v1/rights/requests); name the purpose of your processing");
        }
        return new Purpose(s);
    }

    @Override
    public String toString() {
        return name;
    }
}
