package dev.steward.keys;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Envelope encryption of personal data under the subject's data key, bound to its
 * {@link RecordBinding}.
 *
 * <h2>Security guarantees</h2>
 * <ul>
 *   <li>AES-256-GCM (Tink) under a per-subject key; a fresh random nonce per encryption.</li>
 *   <li>The tenant, subject, record id and context are authenticated: a ciphertext altered in any
 *       byte, or presented with another binding (moved to another row, subject or tenant), fails
 *       with {@link CiphertextIntegrityViolation} after the {@link IntegrityEventListener} is told.
 *       The exception and event name the binding, never the plaintext.</li>
 *   <li>Data of an erased subject or tenant is refused ({@link SubjectErased}, {@link TenantErased}).</li>
 *   <li>Plaintext leaves only through {@link #decryptForPurpose} or {@link PersonalData#revealForPurpose}.</li>
 * </ul>
 * Ciphertext format: one version byte ({@code 0x01}), then Tink's AEAD output (key id prefix,
 * nonce, ciphertext, tag): 1 + 5 + 12 + 16 = 34 bytes of overhead.
 */
public final class EnvelopeEncryptor {

    static final byte FORMAT_V1 = 0x01;

    private final KeyHierarchy keys;
    private final IntegrityEventListener listener;
    private final Clock clock;

    public EnvelopeEncryptor(KeyHierarchy keys, IntegrityEventListener listener, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Encrypts under the subject's data key, creating that key in the caller's transaction when
     * the subject has none yet. The connection is neither committed nor closed.
     */
    public byte[] encrypt(Connection tx, RecordBinding binding, PersonalData data) {
        return seal(keys.dataKeyForEncryption(tx, binding.tenant(), binding.subject()), binding, data);
    }

    /**
     * Prepares the encryption of many records of one tenant in the caller's transaction: the data
     * keys of all {@code subjects} are read at once instead of once per record, and the missing
     * ones created in one short transaction of the module's own (see
     * {@link KeyHierarchy#dataKeysForEncryption}). The batch belongs to the caller's transaction
     * and must not outlive it.
     */
    public Batch batch(Connection tx, TenantId tenant, Collection<SubjectRef> subjects) {
        return new Batch(tenant, Set.copyOf(subjects), keys.dataKeysForEncryption(tx, tenant, subjects));
    }

    /** Encryptions under data keys fetched for one transaction; see {@link #batch}. */
    public final class Batch {

        private final TenantId tenant;
        private final Set<SubjectRef> prepared;
        private final Map<SubjectRef, Aead> dataKeys;

        private Batch(TenantId tenant, Set<SubjectRef> prepared, Map<SubjectRef, Aead> dataKeys) {
            this.tenant = tenant;
            this.prepared = prepared;
            this.dataKeys = dataKeys;
        }

        /**
         * As {@link EnvelopeEncryptor#encrypt}, for a subject the batch was prepared for.
         *
         * @throws SubjectErased if the subject was erased before or since the batch was prepared
         * @throws IllegalArgumentException for another tenant or a subject not prepared
         */
        public byte[] encrypt(RecordBinding binding, PersonalData data) {
            if (!binding.tenant().equals(tenant) || !prepared.contains(binding.subject())) {
                throw new IllegalArgumentException("the batch was not prepared for " + binding.subject());
            }
            // The journal is asked again per record: an erasure since the batch was prepared wins.
            keys.refuseErased(tenant, binding.subject());
            Aead aead = dataKeys.get(binding.subject());
            if (aead == null) {
                throw new SubjectErased(tenant, binding.subject());
            }
            return seal(aead, binding, data);
        }
    }

    private static byte[] seal(Aead aead, RecordBinding binding, PersonalData data) {
        try {
            byte[] sealed = aead.encrypt(data.bytesForEncryption(), binding.associatedData());
            byte[] out = new byte[sealed.length + 1];
            out[0] = FORMAT_V1;
            System.arraycopy(sealed, 0, out, 1, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEAD encryption failed", e);
        }
    }

    /** Decrypts into a {@link PersonalData}, whose plaintext still only comes out for a purpose. */
    public PersonalData decrypt(Connection c, RecordBinding binding, byte[] ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        Optional<Aead> aead = keys.dataKeyForDecryption(c, binding.tenant(), binding.subject());
        if (aead.isEmpty()) {
            throw violation(binding, "no data key exists for this subject");
        }
        return open(aead.get(), binding, ciphertext);
    }

    /**
     * Prepares the decryption of many ciphertexts of one subject (a report of all its records): the
     * data key is found and unwrapped once, and the erasure journal asked once, instead of per record.
     * The opening belongs to the caller's transaction and must not outlive it.
     *
     * @throws SubjectErased if the subject was erased
     */
    public Opening opening(Connection c, TenantId tenant, SubjectRef subject) {
        return new Opening(tenant, subject, keys.dataKeyForDecryption(c, tenant, subject));
    }

    /** Decryptions under one subject's data key; see {@link #opening}. */
    public final class Opening {

        private final TenantId tenant;
        private final SubjectRef subject;
        private final Optional<Aead> aead;

        private Opening(TenantId tenant, SubjectRef subject, Optional<Aead> aead) {
            this.tenant = tenant;
            this.subject = subject;
            this.aead = aead;
        }

        /** As {@link EnvelopeEncryptor#decryptForPurpose}, for a binding of the subject the opening was made for. */
        public byte[] decryptForPurpose(RecordBinding binding, byte[] ciphertext, String purpose) {
            if (!binding.tenant().equals(tenant) || !binding.subject().equals(subject)) {
                throw new IllegalArgumentException("the opening was not made for " + binding.subject());
            }
            PersonalData.requirePurpose(purpose);
            Objects.requireNonNull(ciphertext, "ciphertext");
            if (aead.isEmpty()) {
                throw violation(binding, "no data key exists for this subject");
            }
            return open(aead.get(), binding, ciphertext).revealForPurpose(purpose);
        }
    }

    private PersonalData open(Aead aead, RecordBinding binding, byte[] ciphertext) {
        if (ciphertext.length < 1 || ciphertext[0] != FORMAT_V1) {
            throw violation(binding, "unknown ciphertext format");
        }
        try {
            byte[] sealed = new byte[ciphertext.length - 1];
            System.arraycopy(ciphertext, 1, sealed, 0, sealed.length);
            return PersonalData.adopt(aead.decrypt(sealed, binding.associatedData()));
        } catch (GeneralSecurityException e) {
            throw violation(binding, "authentication failed: altered, or bound to another record, subject or tenant");
        }
    }

    /** Decrypts and reveals the plaintext for the named purpose. */
    public byte[] decryptForPurpose(Connection c, RecordBinding binding, byte[] ciphertext, String purpose) {
        PersonalData.requirePurpose(purpose);
        return decrypt(c, binding, ciphertext).revealForPurpose(purpose);
    }

    private CiphertextIntegrityViolation violation(RecordBinding binding, String reason) {
        IntegrityEvent event = new IntegrityEvent(binding.tenant(), binding.subject(), binding.recordId(),
                binding.context(), clock.instant(), reason);
        try {
            listener.onIntegrityViolation(event);
        } catch (RuntimeException ignored) {
            // A failing listener must not turn an integrity violation into another error.
        }
        return new CiphertextIntegrityViolation(event);
    }
}
