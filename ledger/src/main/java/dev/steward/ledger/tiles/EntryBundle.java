package dev.steward.ledger.tiles;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * C2SP tlog-tiles entry bundles: each entry as a big-endian uint16 length followed by its bytes.
 * An entry is therefore at most {@value #MAX_ENTRY_SIZE} bytes.
 */
public final class EntryBundle {

    public static final int MAX_ENTRY_SIZE = 0xFFFF;

    private EntryBundle() {
    }

    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] e : entries) {
            appendTo(out, e);
        }
        return out.toByteArray();
    }

    public static void appendTo(ByteArrayOutputStream out, byte[] entry) {
        if (entry.length > MAX_ENTRY_SIZE) {
            throw new IllegalArgumentException("entry of " + entry.length + " bytes exceeds " + MAX_ENTRY_SIZE);
        }
        out.write(entry.length >>> 8);
        out.write(entry.length & 0xFF);
        out.writeBytes(entry);
    }

    /**
     * Splits a bundle into its entries.
     *
     * @throws IllegalArgumentException if a length prefix runs past the end
     */
    public static List<byte[]> parse(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int pos = 0;
        while (pos < bundle.length) {
            if (pos + 2 > bundle.length) {
                throw new IllegalArgumentException("truncated length prefix at byte " + pos);
            }
            int len = ((bundle[pos] & 0xFF) << 8) | (bundle[pos + 1] & 0xFF);
            pos += 2;
            if (pos + len > bundle.length) {
                throw new IllegalArgumentException("entry at byte " + pos + " runs past the end");
            }
            entries.add(java.util.Arrays.copyOfRange(bundle, pos, pos + len));
            pos += len;
        }
        return entries;
    }
}
