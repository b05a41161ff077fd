package dev.steward.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The one place for bearer secrets (API tokens, one-time links, download tokens) and their
 * digests: 256 random bits, base64url without padding, stored only as SHA-256. A secret with 256
 * bits of entropy needs no slow hash; its digest is what a stolen database shows.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private Secrets() {
    }

    /** 256 random bits. */
    public static byte[] randomBytes() {
        byte[] b = new byte[BYTES];
        RANDOM.nextBytes(b);
        return b;
    }

    /** 256 random bits as 43 base64url characters. */
    public static String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the SHA-256 of the text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }
}
