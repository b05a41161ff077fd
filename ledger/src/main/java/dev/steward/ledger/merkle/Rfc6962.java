package dev.steward.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 6962 / RFC 9162 hashing with SHA-256: a leaf is {@code SHA-256(0x00 || entry)}, an interior
 * node {@code SHA-256(0x01 || left || right)}, the empty tree {@code SHA-256("")}.
 *
 * <p>Every method returns a fresh 32-byte array; inputs are never modified.
 */
public final class Rfc6962 {

    /** Size in bytes of every hash. */
    public static final int HASH_SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    private Rfc6962() {
    }

    /** Root of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** Leaf hash of an entry: SHA-256(0x00 || entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest md = sha256();
        md.update((byte) 0);
        md.update(entry);
        return md.digest();
    }

    /** Interior node hash: SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = sha256();
        md.update((byte) 1);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /**
     * Interior node hash of the two adjacent hashes at {@code children[from..from+64)}, written to
     * {@code out[at..at+32)}: the same value as {@link #nodeHash}, without allocating.
     */
    public static void nodeHashInto(byte[] children, int from, byte[] out, int at) {
        MessageDigest md = sha256();
        md.update((byte) 1);
        md.update(children, from, 2 * HASH_SIZE);
        try {
            md.digest(out, at, HASH_SIZE);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 output does not fit its 32 bytes", e);
        }
    }

    /** Root of a perfect subtree whose {@code count} (a power of two) bottom hashes lie in {@code row} at {@code offset}. */
    public static byte[] perfectRoot(byte[] row, int offset, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            level[i] = java.util.Arrays.copyOfRange(row, (offset + i) * HASH_SIZE, (offset + i + 1) * HASH_SIZE);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                level[i] = nodeHash(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }

    private static MessageDigest sha256() {
        MessageDigest md = SHA256.get();
        md.reset();
        return md;
    }
}
