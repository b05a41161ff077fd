package dev.steward.rights;

import java.util.Locale;

import dev.steward.platform.InvalidField;

/** How a request reached the customer. */
public enum RequestChannel {
    /** The customer's systems, through the API. */
    API,
    /** Recorded by the customer's staff: received by email, phone or letter. */
    EMAIL, PHONE, LETTER,
    /** The subject's own submission on the tenant's privacy page, its address proven by a link. */
    SELF_SERVICE;

    /** A channel staff may record a request under (self-service requests come only from the page). */
    public static RequestChannel recorded(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return API;
        }
        try {
            RequestChannel c = valueOf(raw.strip().toUpperCase(Locale.ROOT));
            if (c != SELF_SERVICE) {
                return c;
            }
        } catch (IllegalArgumentException e) {
            // the same answer as for self-service below
        }
        throw new InvalidField(field, "must be api, email, phone or letter");
    }
}
