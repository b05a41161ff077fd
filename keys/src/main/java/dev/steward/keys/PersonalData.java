package dev.steward.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A personal value in memory. {@link #toString()} is redacted, there is no {@code equals} on the
 * content, and the plaintext only comes out through {@link #revealForPurpose(String)}, so every
 * place that reads personal data names why and is found by grepping for {@code ForPurpose}.
 */
public final class PersonalData {

    private final byte[] bytes;

    private PersonalData(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PersonalData of(byte[] plaintext) {
        return new PersonalData(Objects.requireNonNull(plaintext, "plaintext").clone());
    }

    public static PersonalData ofText(String plaintext) {
        return new PersonalData(Objects.requireNonNull(plaintext, "plaintext").getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps without copying: only for bytes this module just decrypted. */
    static PersonalData adopt(byte[] plaintext) {
        return new PersonalData(plaintext);
    }

    /** A copy of the plaintext, for the named purpose (a non-blank identifier such as "billing"). */
    public byte[] revealForPurpose(String purpose) {
        requirePurpose(purpose);
        return bytes.clone();
    }

    /** The plaintext as UTF-8 text, for the named purpose. */
    public String revealTextForPurpose(String purpose) {
        requirePurpose(purpose);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Overwrites the plaintext held by this value; later reveals return zeros. */
    public void wipe() {
        Arrays.fill(bytes, (byte) 0);
    }

    byte[] bytesForEncryption() {
        return bytes;
    }

    static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("revealing personal data requires a purpose");
        }
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
