package dev.steward.keyring;

import java.sql.Connection;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.ErasureReceipt;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantId;
import dev.steward.keys.TenantUnknown;

/**
 * The server's door to a tenant's key hierarchy for features that seal their own fields (TOTP
 * seeds, actors' names in the system log, webhook secrets): every call works on the caller's
 * Spring transaction, and a tenant's keys are created on first use. The records feature uses the
 * {@code keys} module directly for its batch paths; everyone else comes through here.
 */
@Component
public class TenantKeyring {

    private final KeyHierarchy keys;
    private final EnvelopeEncryptor encryptor;
    private final DataSource dataSource;
    private final TransactionTemplate separate;

    TenantKeyring(KeyHierarchy keys, EnvelopeEncryptor encryptor, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.keys = keys;
        this.encryptor = encryptor;
        this.dataSource = dataSource;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The key name's pseudonym in the tenant ({@link KeyHierarchy#subjectRef}), creating the tenant's keys if needed. */
    public SubjectRef ref(UUID tenant, String keyName) {
        return withTenantKeys(tenant, t -> keys.subjectRef(connection(), t, keyName));
    }

    /** An actor's pseudonym in the actor namespace ({@link KeyHierarchy#actorRef}), creating the tenant's keys if needed. */
    public SubjectRef actorRef(UUID tenant, String actorName) {
        return withTenantKeys(tenant, t -> keys.actorRef(connection(), t, actorName));
    }

    /** The actor's pseudonym if the tenant's keys exist, without creating anything. */
    public SubjectRef existingActorRef(UUID tenant, String actorName) {
        return keys.actorRef(connection(), new TenantId(tenant), actorName);
    }

    /** Whether the pseudonym's data key exists and has not been erased. */
    public boolean hasLiveKey(UUID tenant, SubjectRef ref) {
        TenantId t = new TenantId(tenant);
        return keys.hasDataKey(connection(), t, ref) && !keys.journal().isErased(t, ref);
    }

    /** Seals {@code plaintext} under the binding's data key; the plaintext is wiped afterwards. */
    public byte[] seal(RecordBinding binding, PersonalData plaintext) {
        try {
            return encryptor.encrypt(connection(), binding, plaintext);
        } finally {
            plaintext.wipe();
        }
    }

    /** Opens a sealed value for the named purpose, which must be given (the keys module refuses none). */
    public byte[] open(RecordBinding binding, byte[] sealed, String purpose) {
        return encryptor.decryptForPurpose(connection(), binding, sealed, purpose);
    }

    /** Crypto-shreds one data key on the caller's transaction. */
    public ErasureReceipt destroy(UUID tenant, SubjectRef ref) {
        return keys.destroySubjectKey(connection(), new TenantId(tenant), ref);
    }

    private <T> T withTenantKeys(UUID tenant, Function<TenantId, T> use) {
        TenantId t = new TenantId(tenant);
        try {
            return use.apply(t);
        } catch (TenantUnknown e) {
            createTenantKeys(t);
            return use.apply(t);
        }
    }

    /** In a transaction of its own, so two first uses in a tenant cannot fail each other's act. */
    private void createTenantKeys(TenantId tenant) {
        try {
            separate.executeWithoutResult(s -> keys.createTenantKeys(DataSourceUtils.getConnection(dataSource), tenant));
        } catch (RuntimeException createdMeanwhile) {
            // another transaction created them first; the retry reads theirs
        }
    }

    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }
}
