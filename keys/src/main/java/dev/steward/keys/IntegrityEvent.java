package dev.steward.keys;

import java.time.Instant;

/**
 * A ciphertext failed authentication: it was altered, or moved to another row, subject or tenant.
 * Carries where it was found, never any plaintext.
 */
public record IntegrityEvent(TenantId tenant, SubjectRef subject, String recordId, String context, Instant detectedAt,
        String reason) {
}
