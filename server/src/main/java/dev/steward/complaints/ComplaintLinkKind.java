package dev.steward.complaints;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.steward.platform.InvalidField;

/**
 * What a complaint can point to. Requests and records are named by their UUIDs; an incident by the
 * free reference its case carries until the incidents feature exists. A reference is never personal
 * data: it is stored in clear.
 */
public enum ComplaintLinkKind {
    REQUEST, INCIDENT, RECORD;

    private static final Pattern FREE_REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]{0,99}");

    public static ComplaintLinkKind named(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidField(field, "is required: request, incident or record");
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be request, incident or record");
        }
    }

    /** The reference in its stored form: a UUID in lower case for requests and records. */
    public String reference(String raw, String field) {
        String v = raw == null ? "" : raw.strip();
        if (this == INCIDENT) {
            if (!FREE_REFERENCE.matcher(v).matches()) {
                throw new InvalidField(field, "must be 1 to 100 letters, digits or . _ : / # -");
            }
            return v;
        }
        try {
            return UUID.fromString(v).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be the " + name().toLowerCase(Locale.ROOT) + "'s id (a UUID)");
        }
    }
}
