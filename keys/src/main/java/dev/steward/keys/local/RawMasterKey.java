package dev.steward.keys.local;

import com.google.crypto.tink.subtle.AesGcmJce;
import dev.steward.keys.MasterKeyService;
import dev.steward.keys.MasterKeyUnavailable;
import dev.steward.keys.MasterKeyWrong;
import dev.steward.keys.WrappedKeyset;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The master key as raw 256-bit AES-GCM keys given through the environment, for deployments
 * whose secret store injects variables: {@code STEWARD_MASTER_KEY} holds the current key in
 * base64, {@code STEWARD_MASTER_KEY_PREVIOUS} optionally a comma-separated list of older ones
 * still needed to unwrap until re-wrapping finishes.
 *
 * <h2>Security guarantees</h2>
 * A version is named by a fingerprint (the first 8 bytes of SHA-256 over the key), which reveals
 * nothing usable about the key. {@link #toString()} shows the versions only. Rotation happens
 * outside the process (a new variable), so {@link #rotate()} refuses; {@link #retire} forgets a
 * previous key in memory.
 */
public final class RawMasterKey implements MasterKeyService {

    public static final String VARIABLE = "STEWARD_MASTER_KEY";
    public static final String PREVIOUS_VARIABLE = "STEWARD_MASTER_KEY_PREVIOUS";

    private final String current;
    private final Map<String, AesGcmJce> keys = new LinkedHashMap<>();

    private RawMasterKey(byte[] currentKey, byte[][] previousKeys) {
        this.current = add(currentKey);
        for (byte[] previous : previousKeys) {
            add(previous);
        }
    }

    /** Reads {@value #VARIABLE} (and {@value #PREVIOUS_VARIABLE}); {@link MasterKeyUnavailable} when unset. */
    public static RawMasterKey fromEnvironment() {
        String value = System.getenv(VARIABLE);
        if (value == null || value.isBlank()) {
            throw new MasterKeyUnavailable("environment variable " + VARIABLE + " is not set");
        }
        String previous = System.getenv().getOrDefault(PREVIOUS_VARIABLE, "");
        return fromBase64(value, previous.isBlank() ? new String[0] : previous.split(","));
    }

    /** From base64 keys of 32 bytes each: the current one, then older ones still needed to unwrap. */
    public static RawMasterKey fromBase64(String current, String... previous) {
        byte[][] older = new byte[previous.length][];
        for (int i = 0; i < previous.length; i++) {
            older[i] = decode(previous[i]);
        }
        byte[] key = decode(current);
        try {
            return new RawMasterKey(key, older);
        } finally {
            Arrays.fill(key, (byte) 0);
            for (byte[] k : older) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }

    @Override
    public String currentVersion() {
        return current;
    }

    @Override
    public synchronized WrappedKeyset wrap(byte[] keyset, byte[] associatedData) {
        try {
            return new WrappedKeyset(current, keys.get(current).encrypt(keyset, associatedData));
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailable("raw master key cannot encrypt", e);
        }
    }

    @Override
    public synchronized byte[] unwrapSecret(WrappedKeyset wrapped, byte[] associatedData) {
        AesGcmJce key = keys.get(wrapped.masterVersion());
        if (key == null) {
            throw new MasterKeyUnavailable("master key version " + wrapped.masterVersion()
                    + " is not given (set it in " + PREVIOUS_VARIABLE + " until re-wrapping finishes)");
        }
        try {
            return key.decrypt(wrapped.ciphertext(), associatedData);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyWrong("master key version " + wrapped.masterVersion()
                    + " does not open this wrapped key (altered, or bound to another tenant or version)", e);
        }
    }

    @Override
    public String rotate() {
        throw new UnsupportedOperationException("a raw master key rotates outside the process: put the new key in "
                + VARIABLE + ", the old one in " + PREVIOUS_VARIABLE + ", restart, then re-wrap");
    }

    @Override
    public synchronized void retire(String version) {
        if (version.equals(current)) {
            throw new IllegalArgumentException("the current master key version cannot be retired");
        }
        keys.remove(version);
    }

    @Override
    public String describe() {
        return "raw master key from the environment (" + VARIABLE + ")";
    }

    @Override
    public synchronized String toString() {
        return "RawMasterKey[current=" + current + ", versions=" + String.join(",", keys.keySet()) + "]";
    }

    private String add(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            String version = "raw-" + HexFormat.of().formatHex(digest, 0, 8);
            keys.put(version, new AesGcmJce(key));
            return version;
        } catch (GeneralSecurityException e) {
            throw new MasterKeyUnavailable("raw master key is not a valid AES-256 key", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new MasterKeyUnavailable("raw master key is not base64");
        }
        if (key.length != 32) {
            throw new MasterKeyUnavailable("raw master key must be 32 bytes, got " + key.length);
        }
        return key;
    }
}
