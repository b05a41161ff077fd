package dev.steward.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Key names and key IDs of signed notes (algorithm 0x01, Ed25519). */
final class KeyNames {

    static final byte ALG_ED25519 = 1;

    private KeyNames() {
    }

    /** A key name is non-empty UTF-8 without spaces, '+' or control characters. */
    static boolean valid(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == '+' || c == 0x7F || Character.isWhitespace(c) || Character.isSurrogate(c)
                    && !validSurrogate(name, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validSurrogate(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** key ID = first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key), as an unsigned big-endian int. */
    static int keyId(String name, byte[] publicKey) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
            md.update(ALG_ED25519);
            md.update(publicKey);
            byte[] h = md.digest();
            return ((h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes standard base64, accepting only the canonical encoding (no ignored bits), so no two texts mean the same bytes. */
    static byte[] strictBase64(String s, String what) {
        byte[] b;
        try {
            b = java.util.Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new NoteInvalid(what + " is not base64");
        }
        if (!java.util.Base64.getEncoder().encodeToString(b).equals(s)) {
            throw new NoteInvalid(what + " is not canonical base64");
        }
        return b;
    }

    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    static int parseHexId(String s) {
        if (!s.matches("[0-9a-f]{8}")) {
            throw new NoteInvalid("key ID '" + s + "' is not 8 lowercase hex digits");
        }
        return Integer.parseUnsignedInt(s, 16);
    }
}
