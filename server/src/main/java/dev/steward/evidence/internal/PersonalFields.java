package dev.steward.evidence.internal;

import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.ErasureReceipt;
import dev.steward.keys.KeyHierarchy;
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
 * ({@link KeyHierarchy#actorRef}): no customer subject identifier reaches them, so only
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

    private final KeyHierarchy keys;
    private final EnvelopeEncryptor encryptor;
    private final DataSource dataSource;
    private final TransactionTemplate separate;

    PersonalFields(KeyHierarchy keys, EnvelopeEncryptor encryptor, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.keys = keys;
        this.encryptor = encryptor;
        this.dataSource = dataSource;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Sealed seal(UUID tenant, String actorName, String entryId, byte[] plaintext) {
        TenantId t = new TenantId(tenant);
        SubjectRef subject = actorRef(t, actorName);
        PersonalData data = PersonalData.of(plaintext);
        try {
            return new Sealed(subject.hmac(), encryptor.encrypt(connection(), binding(t, subject, entryId), data));
        } catch (SubjectErased | TenantErased e) {
            return new Sealed(subject.hmac(), new byte[0]);
        } finally {
            data.wipe();
        }
    }

    /** The plaintext, or empty when the key is destroyed (erased) or the ciphertext does not belong here. */
    public Optional<byte[]> open(UUID tenant, String subjectRef, String entryId, byte[] ciphertext, String purpose) {
        if (ciphertext.length == 0) {
            return Optional.empty();
        }
        TenantId t = new TenantId(tenant);
        try {
            return Optional.of(encryptor.decryptForPurpose(connection(), binding(t, new SubjectRef(subjectRef), entryId),
                    ciphertext, purpose));
        } catch (KeysException e) {
            return Optional.empty();
        }
    }

    /** The key of the actor's fields in this tenant's log, if it exists (and so may be erased). */
    public Optional<SubjectRef> existingKey(UUID tenant, String actorName) {
        TenantId t = new TenantId(tenant);
        try {
            SubjectRef ref = keys.actorRef(connection(), t, actorName);
            return keys.hasDataKey(connection(), t, ref) && !keys.journal().isErased(t, ref) ? Optional.of(ref)
                    : Optional.empty();
        } catch (TenantUnknown | TenantErased e) {
            return Optional.empty();
        }
    }

    /** Crypto-shreds the actor's key on the caller's transaction: every field it sealed reads as erased. */
    public ErasureReceipt destroy(UUID tenant, SubjectRef actorKey) {
        return keys.destroySubjectKey(connection(), new TenantId(tenant), actorKey);
    }

    private SubjectRef actorRef(TenantId tenant, String actorName) {
        try {
            return keys.actorRef(connection(), tenant, actorName);
        } catch (TenantUnknown e) {
            createTenantKeys(tenant);
            return keys.actorRef(connection(), tenant, actorName);
        }
    }

    /** In a transaction of its own, so two first entries of a tenant cannot fail each other's act. */
    private void createTenantKeys(TenantId tenant) {
        try {
            separate.executeWithoutResult(s -> keys.createTenantKeys(DataSourceUtils.getConnection(dataSource), tenant));
        } catch (RuntimeException createdMeanwhile) {
            // another transaction created them first; the retry reads theirs
        }
    }

    private static RecordBinding binding(TenantId tenant, SubjectRef subject, String entryId) {
        return new RecordBinding(tenant, subject, "ledger:" + entryId, CONTEXT);
    }

    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }
}
