package dev.steward.keys;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The pseudonymous reference of a data subject inside one tenant: HMAC-SHA256, under the tenant's
 * pseudonymisation key, of the customer's own subject identifier, as 64 lowercase hex digits.
 * It is stable (exact lookups work) but cannot be reversed without the tenant's key, and the same
 * customer identifier gives different references in different tenants.
 * Obtain one through {@link KeyHierarchy#subjectRef(TenantId, String)}.
 */
public record SubjectRef(String hmac) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public SubjectRef {
        Objects.requireNonNull(hmac, "hmac");
        if (!HEX_256.matcher(hmac).matches()) {
            throw new IllegalArgumentException("a subject reference is 64 lowercase hex digits");
        }
    }

    @Override
    public String toString() {
        return hmac;
    }
}
