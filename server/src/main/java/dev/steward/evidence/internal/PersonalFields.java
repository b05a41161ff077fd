package dev.steward.evidence.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.keyring.TenantKeyring;
import dev.steward.keys.ErasureReceipt;
import dev.steward.keys.KeysException;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectErased;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantErased;
import dev.steward.keys.TenantId;
import dev.steward.keys.TenantUnknown;

/**
 * Encrypts the personal fields of a log entry under an actor key of the entry's tenant, on the
 * caller's transaction. Actor keys live in their own namespace of the key hierarchy
 * ({@link dev.steward.keys.KeyHierarchy#actorRef}): no customer subject identifier reaches them, so only
 * {@link #destroy} (the act of {@code evidence.ActorTrailErasure}) erases them. Bound to the entry's own id, so a ciphertext cannot be moved to another
 * entry. After that subject's key is destroyed the fields read as erased, while the entry, which
 * hashes the ciphertext, still verifies.
 */
@Component
public class PersonalFields {

    static final String CONTEXT = "ledger.personal";

    /** A sealed value and the pseudonym of the key that sealed it; {@code ciphertext} is empty when that key is erased. */
    public record Sealed(String subjectRef, byte[] ciphertext) {
    }

    private final TenantKeyring keyring;

    PersonalFields(TenantKeyring keyring) {
        this.keyring = keyring;
    }

    public Sealed seal(UUID tenant, String actorName, String entryId, byte[] plaintext) {
        SubjectRef subject = keyring.actorRef(tenant, actorName);
        try {
            return new Sealed(subject.hmac(), keyring.seal(binding(tenant, subject, entryId), PersonalData.of(plaintext)));
        } catch (SubjectErased | TenantErased e) {
            return new Sealed(subject.hmac(), new byte[0]);
        }
    }

    /** The plaintext, or empty when the key is destroyed (erased) or the ciphertext does not belong here. */
    public Optional<byte[]> open(UUID tenant, String subjectRef, String entryId, byte[] ciphertext, String purpose) {
        if (ciphertext.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(keyring.open(binding(tenant, new SubjectRef(subjectRef), entryId), ciphertext, purpose));
        } catch (KeysException e) {
            return Optional.empty();
        }
    }

    /** The key of the actor's fields in this tenant's log, if it exists (and so may be erased). */
    public Optional<SubjectRef> existingKey(UUID tenant, String actorName) {
        try {
            SubjectRef ref = keyring.existingActorRef(tenant, actorName);
            return keyring.hasLiveKey(tenant, ref) ? Optional.of(ref) : Optional.empty();
        } catch (TenantUnknown | TenantErased e) {
            return Optional.empty();
        }
    }

    /** Crypto-shreds the actor's key on the caller's transaction: every field it sealed reads as erased. */
    public ErasureReceipt destroy(UUID tenant, SubjectRef actorKey) {
        return keyring.destroy(tenant, actorKey);
    }

    private static RecordBinding binding(UUID tenant, SubjectRef subject, String entryId) {
        return new RecordBinding(new TenantId(tenant), subject, "ledger:" + entryId, CONTEXT);
    }
}
