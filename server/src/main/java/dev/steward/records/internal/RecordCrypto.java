package dev.steward.records.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Collection;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.steward.keys.CiphertextIntegrityViolation;
import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.ErasureReceipt;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectErased;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantErased;
import dev.steward.keys.TenantId;
import dev.steward.keys.TenantUnknown;
import dev.steward.platform.NotFound;
import dev.steward.records.IntegrityViolation;
import dev.steward.records.SubjectGone;

/**
 * The records feature's use of the key hierarchy, always on the connection of the current Spring
 * transaction. Each ciphertext is bound to tenant, subject, record id and version, so a payload
 * copied to another record, version, subject or tenant does not decrypt. Translates the keys
 * module's failures into the feature's problems.
 */
@Component
public class RecordCrypto {

    static final String CONTEXT = "records.payload";

    private final KeyHierarchy keys;
    private final EnvelopeEncryptor encryptor;
    private final DataSource dataSource;

    RecordCrypto(KeyHierarchy keys, EnvelopeEncryptor encryptor, DataSource dataSource) {
        this.keys = keys;
        this.encryptor = encryptor;
        this.dataSource = dataSource;
    }

    /** The subject's pseudonym; empty-handed tenants (no keys yet) get their keys first. */
    public SubjectRef subjectRef(UUID tenant, String subjectId) {
        try {
            return keys.subjectRef(tx(), new TenantId(tenant), subjectId);
        } catch (TenantErased e) {
            throw new SubjectGone();
        } catch (TenantUnknown e) {
            // no keys yet: the tenant never stored a record, so it has no such subject
            throw new NotFound("subject");
        }
    }

    public void createTenantKeys(UUID tenant) {
        keys.createTenantKeys(tx(), new TenantId(tenant));
    }

    /**
     * Whether the erasure journal holds the subject's erasure. Reads that span subjects use it to
     * leave out the rows still awaiting the purge; an access to one subject asks {@link #requireLiving}.
     */
    public boolean isErased(UUID tenant, SubjectRef subject) {
        return keys.journal().isErased(new TenantId(tenant), subject);
    }

    /**
     * The one place an access to one subject is refused because the subject was erased: the subject,
     * or {@link SubjectGone} (410) if the erasure journal holds its erasure, also while its rows still
     * wait for the purge. (Encryption and decryption answer the same once the key is destroyed.)
     */
    public SubjectRef requireLiving(UUID tenant, SubjectRef subject) {
        if (isErased(tenant, subject)) {
            throw new SubjectGone();
        }
        return subject;
    }

    public boolean hasDataKey(UUID tenant, SubjectRef subject) {
        return keys.hasDataKey(tx(), new TenantId(tenant), subject);
    }

    public byte[] encrypt(UUID tenant, SubjectRef subject, UUID recordId, int version, byte[] document) {
        PersonalData data = PersonalData.of(document);
        try {
            return encryptor.encrypt(tx(), binding(tenant, subject, recordId, version), data);
        } catch (SubjectErased | TenantErased e) {
            throw new SubjectGone();
        } finally {
            data.wipe();
        }
    }

    /** Encryptions of many records of one tenant in the current transaction, their data keys fetched at once. */
    public Batch batch(UUID tenant, Collection<SubjectRef> subjects) {
        try {
            return new Batch(tenant, encryptor.batch(tx(), new TenantId(tenant), subjects));
        } catch (TenantErased e) {
            throw new SubjectGone();
        }
    }

    /** See {@link RecordCrypto#batch}; belongs to the transaction it was made in. */
    public static final class Batch {

        private final UUID tenant;
        private final EnvelopeEncryptor.Batch keys;

        private Batch(UUID tenant, EnvelopeEncryptor.Batch keys) {
            this.tenant = tenant;
            this.keys = keys;
        }

        /** As {@link RecordCrypto#encrypt}; {@link SubjectGone} if the subject was erased. */
        public byte[] encrypt(SubjectRef subject, UUID recordId, int version, byte[] document) {
            PersonalData data = PersonalData.of(document);
            try {
                return keys.encrypt(binding(tenant, subject, recordId, version), data);
            } catch (SubjectErased | TenantErased e) {
                throw new SubjectGone();
            } finally {
                data.wipe();
            }
        }
    }

    /** Decryptions of many records of one subject in the current transaction, its data key unwrapped once. */
    public Opening opening(UUID tenant, SubjectRef subject) {
        try {
            return new Opening(tenant, subject, encryptor.opening(tx(), new TenantId(tenant), subject));
        } catch (SubjectErased | TenantErased e) {
            throw new SubjectGone();
        }
    }

    /** See {@link RecordCrypto#opening}; belongs to the transaction it was made in. */
    public static final class Opening {

        private final UUID tenant;
        private final SubjectRef subject;
        private final EnvelopeEncryptor.Opening key;

        private Opening(UUID tenant, SubjectRef subject, EnvelopeEncryptor.Opening key) {
            this.tenant = tenant;
            this.subject = subject;
            this.key = key;
        }

        /** As {@link RecordCrypto#decryptForPurpose}; the caller has checked and logs the purpose. */
        public String decryptForPurpose(UUID recordId, int version, byte[] ciphertext, String purpose) {
            try {
                return new String(key.decryptForPurpose(binding(tenant, subject, recordId, version), ciphertext,
                        purpose), StandardCharsets.UTF_8);
            } catch (CiphertextIntegrityViolation e) {
                throw new IntegrityViolation();
            }
        }
    }

    /** Decrypts for the named purpose; the caller has checked and logs the purpose. */
    public String decryptForPurpose(UUID tenant, SubjectRef subject, UUID recordId, int version, byte[] ciphertext,
            String purpose) {
        try {
            return new String(encryptor.decryptForPurpose(tx(), binding(tenant, subject, recordId, version), ciphertext,
                    purpose), StandardCharsets.UTF_8);
        } catch (SubjectErased | TenantErased e) {
            throw new SubjectGone();
        } catch (CiphertextIntegrityViolation e) {
            throw new IntegrityViolation();
        }
    }

    public ErasureReceipt destroySubjectKey(UUID tenant, SubjectRef subject) {
        return keys.destroySubjectKey(tx(), new TenantId(tenant), subject);
    }

    /**
     * Crypto-shreds the whole tenant (its KEKs and pseudonymisation key): every ciphertext of the
     * tenant, in backups too, becomes unreadable. Repeating it answers the first receipt.
     */
    public ErasureReceipt destroyTenantKeys(UUID tenant) {
        return keys.destroyTenantKeys(tx(), new TenantId(tenant));
    }

    /** Whether the erasure journal holds the tenant's erasure (authoritative, whatever the database says). */
    public boolean isTenantErased(UUID tenant) {
        return keys.journal().isTenantErased(new TenantId(tenant));
    }

    /** Whether the database still holds the tenant's key rows (also after a crash between journal and commit). */
    public boolean hasTenantKeys(UUID tenant) {
        try (var statement = tx().prepareStatement("SELECT COUNT(*) FROM keys_tenant WHERE tenant_id = ?")) {
            statement.setObject(1, tenant);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the keys of tenant " + tenant, e);
        }
    }

    public java.util.Optional<ErasureReceipt> receiptFor(UUID tenant, SubjectRef subject) {
        return keys.journal().receiptFor(new TenantId(tenant), subject);
    }

    private static RecordBinding binding(UUID tenant, SubjectRef subject, UUID recordId, int version) {
        return new RecordBinding(new TenantId(tenant), subject, recordId + "#v" + version, CONTEXT);
    }

    private Connection tx() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("record encryption runs inside the caller's transaction");
        }
        return DataSourceUtils.getConnection(dataSource);
    }
}
