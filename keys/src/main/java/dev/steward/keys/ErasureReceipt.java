package dev.steward.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Proof that a key was destroyed: the journal line's receipt id, what was erased, when, and the
 * journal's chained hash after that line. A deletion certificate references it; the hash lets an
 * auditor check the journal up to this act.
 *
 * @param subject the erased subject, or {@code null} when a whole tenant's key was destroyed
 */
public record ErasureReceipt(UUID id, ErasureKind kind, TenantId tenant, SubjectRef subject, Instant erasedAt,
        String journalHash) {

    public ErasureReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(erasedAt, "erasedAt");
        Objects.requireNonNull(journalHash, "journalHash");
        if ((kind == ErasureKind.SUBJECT) != (subject != null)) {
            throw new IllegalArgumentException("a subject erasure names its subject, a tenant erasure none");
        }
    }

    public Optional<SubjectRef> subjectRef() {
        return Optional.ofNullable(subject);
    }

    /** What an erasure destroyed. */
    public enum ErasureKind {
        /** One subject's data key. */
        SUBJECT,
        /** A tenant's key-encryption keys and pseudonymisation key, and so every data key under them. */
        TENANT
    }
}
