package dev.steward.records;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/**
 * A stored ciphertext failed authentication (altered, or moved to another row, subject or tenant).
 * The event was reported to the integrity listener; nothing is revealed.
 */
public final class IntegrityViolation extends ProblemException {

    public IntegrityViolation() {
        super("integrity-violation", HttpStatus.INTERNAL_SERVER_ERROR, "Integrity violation",
                "a stored record failed its integrity check and was not returned; the event was reported");
    }
}
