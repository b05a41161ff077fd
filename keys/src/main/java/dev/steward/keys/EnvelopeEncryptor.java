package dev.steward.keys;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

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
        Aead aead = keys.dataKeyForEncryption(tx, binding.tenant(), binding.subject());
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
        if (ciphertext.length < 1 || ciphertext[0] != FORMAT_V1) {
            throw violation(binding, "unknown ciphertext format");
        }
        try {
            byte[] sealed = new byte[ciphertext.length - 1];
            System.arraycopy(ciphertext, 1, sealed, 0, sealed.length);
            return PersonalData.adopt(aead.get().decrypt(sealed, binding.associatedData()));
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
