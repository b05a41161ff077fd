package dev.steward.keys;

import java.util.Objects;

/**
 * Where a ciphertext belongs: tenant, subject, record and a context string (for example the
 * table and column, {@code "records.payload"}; never a purpose, which may change while the data
 * stays). It is authenticated as associated data, so a ciphertext copied to another row, subject
 * or tenant fails to decrypt with {@link CiphertextIntegrityViolation}.
 */
public record RecordBinding(TenantId tenant, SubjectRef subject, String recordId, String context) {

    static final String DOMAIN = "steward/v1";

    public RecordBinding {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(context, "context");
        if (recordId.isEmpty()) {
            throw new IllegalArgumentException("recordId must not be empty");
        }
    }

    /** The associated data: each field length-prefixed, so no two bindings encode alike. */
    byte[] associatedData() {
        return Aad.of(DOMAIN, tenant.toString(), subject.hmac(), recordId, context);
    }
}
