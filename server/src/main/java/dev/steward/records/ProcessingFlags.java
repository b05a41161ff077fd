package dev.steward.records;

import java.time.Instant;

/**
 * A subject's restriction and objection, as the access guards honour them.
 *
 * @param restrictedSince when processing was restricted, or {@code null}: not restricted
 * @param objectedSince when the subject objected to legitimate-interest processing, or {@code null}
 */
public record ProcessingFlags(Instant restrictedSince, Instant objectedSince) {

    public static final ProcessingFlags NONE = new ProcessingFlags(null, null);

    public boolean restricted() {
        return restrictedSince != null;
    }

    public boolean objected() {
        return objectedSince != null;
    }
}
