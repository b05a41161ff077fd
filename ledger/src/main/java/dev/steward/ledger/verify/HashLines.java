package dev.steward.ledger.verify;

import dev.steward.ledger.merkle.Rfc6962;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Proof files of a bundle: one 32-byte hash in lowercase hex per line. */
final class HashLines {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int LINE = 2 * Rfc6962.HASH_SIZE + 1;
    /** Value of each lowercase hex digit, -1 for every other byte. */
    private static final int[] NIBBLES = new int[256];

    static {
        java.util.Arrays.fill(NIBBLES, -1);
        for (int c = 0; c < 16; c++) {
            NIBBLES["0123456789abcdef".charAt(c)] = c;
        }
    }

    private HashLines() {
    }

    static List<byte[]> parse(String name, byte[] data) {
        List<byte[]> canonical = canonicalHashLines(data);
        return canonical != null ? canonical : hashLines(name, data);
    }

    /** Hashes of a file written by {@link BundleWriter} (64 lowercase hex digits and a newline each); null if it is not in exactly that form. */
    private static List<byte[]> canonicalHashLines(byte[] data) {
        if (data.length % LINE != 0) {
            return null;
        }
        List<byte[]> out = new ArrayList<>(data.length / LINE);
        for (int at = 0; at < data.length; at += LINE) {
            if (data[at + LINE - 1] != '\n') {
                return null;
            }
            byte[] hash = new byte[Rfc6962.HASH_SIZE];
            for (int i = 0; i < hash.length; i++) {
                int hi = nibble(data[at + 2 * i]);
                int lo = nibble(data[at + 2 * i + 1]);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                hash[i] = (byte) (hi << 4 | lo);
            }
            out.add(hash);
        }
        return out;
    }

    private static int nibble(byte c) {
        return NIBBLES[c & 0xFF];
    }

    /** The general reading, for files in any other form: names the first malformed line. */
    private static List<byte[]> hashLines(String name, byte[] data) {
        String text = new String(data, StandardCharsets.US_ASCII);
        List<byte[]> out = new ArrayList<>();
        int line = 0;
        for (String l : text.split("\n")) {
            line++;
            if (l.isEmpty() && text.isEmpty()) {
                continue;
            }
            if (!HASH.matcher(l).matches()) {
                throw new BundleVerifier.Failure(name + ": line " + line + " is not a 32-byte hash in lowercase hex");
            }
            out.add(HexFormat.of().parseHex(l));
        }
        return out;
    }
}
