package dev.steward.ledger.verify;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads the {@code entries/<i>} and {@code proofs/<i>} files of a bundle in pairs. A bundle holds
 * two small files per entry, and reading each through {@link ZipFile} costs a few system calls, which
 * outweighs verifying it; so the files are read in one sequential pass, and only when every file of
 * that pass is exactly the file the central directory names (same name once, same size, same CRC-32)
 * is the pass used. Otherwise (an unusual but valid layout, or a tampered archive) each file is read
 * through the central directory, as any zip reader would.
 */
final class EntryFiles {

    /** Receives each entry with its proof file; may throw to report a failure. */
    interface PairHandler {
        void pair(long index, byte[] entry, byte[] proof) throws IOException;
    }

    /**
     * Bytes of files held while waiting for their pair (an archive may place every entry before every
     * proof); beyond it the sequential pass gives up and the rest is read file by file, so memory stays
     * bounded whatever the order.
     */
    static final int PAIRING_BUDGET = 8 << 20;

    /** Reads one file of the archive through its central directory, enforcing the size limit. */
    interface Reader {
        byte[] read(String name) throws IOException;
    }

    private EntryFiles() {
    }

    /**
     * Calls {@code handler} once per index of {@code entries}, with the bytes of entries/i and proofs/i
     * (under {@code prefix}, the bundle's folder inside the archive, usually empty). Files larger than
     * {@code maxFile} and missing proofs are left to {@code reader} (given names without the prefix) to report.
     */
    static void forEachPair(Path zip, ZipFile z, String prefix, Map<Long, ZipEntry> entries, int maxFile,
            Reader reader, PairHandler handler) throws IOException {
        forEachPair(zip, z, prefix, entries, maxFile, PAIRING_BUDGET, reader, handler);
    }

    static void forEachPair(Path zip, ZipFile z, String prefix, Map<Long, ZipEntry> entries, int maxFile,
            long pairingBudget, Reader reader, PairHandler handler) throws IOException {
        Set<Long> done = new HashSet<>();
        if (!streamed(zip, z, prefix, entries, maxFile, pairingBudget, handler, done)) {
            for (long index : entries.keySet()) {
                if (!done.contains(index)) {
                    handler.pair(index, reader.read("entries/" + index), reader.read("proofs/" + index));
                }
            }
        }
    }

    private static boolean streamed(Path zip, ZipFile z, String prefix, Map<Long, ZipEntry> entries, int maxFile,
            long pairingBudget, PairHandler handler, Set<Long> done) throws IOException {
        long held = 0;
        Map<Long, byte[]> loneEntries = new HashMap<>();
        Map<Long, byte[]> loneProofs = new HashMap<>();
        Set<Long> seenEntries = HashSet.newHashSet(entries.size());
        Set<Long> seenProofs = HashSet.newHashSet(entries.size());
        try (InputStream file = new BufferedInputStream(Files.newInputStream(zip), 1 << 16);
                ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry local; (local = in.getNextEntry()) != null; ) {
                String name = local.getName();
                if (local.isDirectory() || !name.startsWith(prefix)) {
                    continue;
                }
                String relative = name.substring(prefix.length());
                boolean isEntry = relative.startsWith("entries/");
                Long index = isEntry || relative.startsWith("proofs/") ? indexOf(relative, entries) : null;
                if (index == null) {
                    continue;
                }
                ZipEntry central = z.getEntry(name);
                if (central == null || !(isEntry ? seenEntries : seenProofs).add(index) || central.getSize() < 0 || central.getSize() > maxFile) {
                    return false;
                }
                // Reading to the end of the entry makes ZipInputStream check the data against its CRC-32.
                byte[] data = in.readNBytes((int) central.getSize() + 1);
                if (in.read() != -1 || data.length != central.getSize() || local.getCrc() != central.getCrc()) {
                    return false;
                }
                byte[] other = (isEntry ? loneProofs : loneEntries).remove(index);
                if (other == null) {
                    held += data.length;
                    if (held > pairingBudget) {
                        return false;
                    }
                    (isEntry ? loneEntries : loneProofs).put(index, data);
                } else {
                    held -= other.length;
                    done.add(index);
                    handler.pair(index, isEntry ? data : other, isEntry ? other : data);
                }
            }
        } catch (ZipException e) {
            return false;
        }
        return seenEntries.size() == entries.size() && seenProofs.size() == entries.size();
    }

    /** The index named after the first '/', if it is one of {@code entries} (which are written canonically). */
    private static Long indexOf(String name, Map<Long, ZipEntry> entries) {
        String digits = name.substring(name.indexOf('/') + 1);
        if (digits.isEmpty() || digits.length() > 18 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return null;
        }
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            n = n * 10 + (c - '0');
        }
        return entries.containsKey(n) ? n : null;
    }
}
