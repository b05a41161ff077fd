package dev.steward.ledger.verify;

import dev.steward.ledger.merkle.InclusionBatch;
import dev.steward.ledger.merkle.ProofInvalid;
import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteInvalid;
import dev.steward.ledger.note.NoteVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Verifies an evidence bundle written by {@link BundleWriter} offline: the verifier key, both
 * checkpoint signatures, the consistency proof between them and every entry's inclusion proof.
 * Stops at the first failure and names the file that failed.
 */
public final class BundleVerifier {

    private static final int MAX_FILE = 1 << 20;
    private static final java.util.regex.Pattern HASH = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    private static final int LINE = 2 * Rfc6962.HASH_SIZE + 1;
    /** Value of each lowercase hex digit, -1 for every other byte. */
    private static final int[] NIBBLES = new int[256];

    static {
        java.util.Arrays.fill(NIBBLES, -1);
        for (int c = 0; c < 16; c++) {
            NIBBLES["0123456789abcdef".charAt(c)] = c;
        }
    }

    private BundleVerifier() {
    }

    /** Verifies with the key found in the bundle. */
    public static VerificationReport verify(Path zip) {
        return verify(zip, null);
    }

    /** Verifies, and if {@code expectedVkey} is given, requires the bundle's key to be exactly it. */
    public static VerificationReport verify(Path zip, String expectedVkey) {
        List<String> checked = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return run(zip, z, expectedVkey, checked);
        } catch (Failure f) {
            return new VerificationReport(checked, f.getMessage());
        } catch (IOException e) {
            return new VerificationReport(checked, "bundle: cannot read " + zip + " as a zip file (" + e.getMessage() + ")");
        }
    }

    private static VerificationReport run(Path zipPath, ZipFile z, String expectedVkey, List<String> checked)
            throws IOException {
        String vkeyText = new String(read(z, "vkey"), StandardCharsets.UTF_8).strip();
        NoteVerifier key;
        try {
            key = NoteVerifier.fromVkey(vkeyText);
        } catch (NoteInvalid e) {
            throw new Failure("vkey: invalid verifier key (" + e.getMessage() + ")");
        }
        if (expectedVkey != null && !expectedVkey.strip().equals(vkeyText)) {
            throw new Failure("vkey: the bundle's key " + vkeyText + " is not the expected key " + expectedVkey.strip());
        }
        checked.add("vkey: Ed25519 key " + key.name() + " with key ID " + String.format("%08x", key.keyId())
                + (expectedVkey != null ? " (matches the expected key)" : ""));

        Checkpoint cp = checkpoint(z, "checkpoint", key);
        checked.add("checkpoint: signature valid; origin " + cp.origin() + ", size " + cp.size() + ", root "
                + HexFormat.of().formatHex(cp.rootHash()));
        Checkpoint latest = checkpoint(z, "latest-checkpoint", key);
        checked.add("latest-checkpoint: signature valid; size " + latest.size() + ", root "
                + HexFormat.of().formatHex(latest.rootHash()));
        if (!latest.origin().equals(cp.origin())) {
            throw new Failure("latest-checkpoint: origin " + latest.origin() + " differs from checkpoint origin " + cp.origin());
        }

        List<byte[]> consistency = hashes(z, "consistency");
        try {
            ProofVerifier.verifyConsistency(cp.size(), latest.size(), consistency, cp.rootHash(), latest.rootHash());
        } catch (ProofInvalid e) {
            throw new Failure("consistency: proof from size " + cp.size() + " to size " + latest.size()
                    + " does not verify (" + e.getMessage() + ")");
        }
        checked.add("consistency: the tree of size " + cp.size() + " is a prefix of the tree of size " + latest.size());

        TreeMap<Long, ZipEntry> entries = new TreeMap<>();
        for (ZipEntry e : java.util.Collections.list(z.entries())) {
            if (e.getName().startsWith("entries/")) {
                String idx = e.getName().substring("entries/".length());
                if (!isIndex(idx) || idx.length() == 19 && idx.compareTo(String.valueOf(Long.MAX_VALUE)) > 0) {
                    throw new Failure(e.getName() + ": not an entry index");
                }
                entries.put(Long.parseLong(idx), e);
            }
        }
        // Proofs of neighbouring entries share their upper path: hash each shared node once.
        InclusionBatch inclusion = new InclusionBatch(cp.size(), cp.rootHash());
        // Files may arrive in any order; the report names the failure of the lowest index, as a check in index order would.
        TreeMap<Long, String> failures = new TreeMap<>();
        EntryFiles.forEachPair(zipPath, z, entries, MAX_FILE, name -> read(z, name), (index, entry, proofFile) -> {
            try {
                List<byte[]> proof = hashes("proofs/" + index, proofFile);
                inclusion.verify(Rfc6962.leafHash(entry), index, proof);
            } catch (ProofInvalid x) {
                failures.put(index, "entry " + index + ": entries/" + index + " and proofs/" + index
                        + " do not prove inclusion in checkpoint size " + cp.size() + " (" + x.getMessage() + ")");
            } catch (Failure f) {
                failures.put(index, f.getMessage());
            }
        });
        if (!failures.isEmpty()) {
            throw new Failure(failures.firstEntry().getValue());
        }
        checked.add("entries: " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies")
                + " included in the tree of checkpoint size " + cp.size()
                + (entries.isEmpty() ? "" : " (indices " + entries.keySet().iterator().next() + ".."
                        + entries.lastKey() + ")"));
        return new VerificationReport(checked, null);
    }

    private static Checkpoint checkpoint(ZipFile z, String name, NoteVerifier key) throws IOException {
        try {
            Checkpoint cp = Checkpoint.open(read(z, name), key);
            return cp;
        } catch (NoteInvalid e) {
            throw new Failure(name + ": not a valid checkpoint signed by " + key.name() + " (" + e.getMessage() + ")");
        }
    }

    private static List<byte[]> hashes(ZipFile z, String name) throws IOException {
        return hashes(name, read(z, name));
    }

    private static List<byte[]> hashes(String name, byte[] data) {
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
                throw new Failure(name + ": line " + line + " is not a 32-byte hash in lowercase hex");
            }
            out.add(HexFormat.of().parseHex(l));
        }
        return out;
    }

    private static boolean isIndex(String s) {
        int n = s.length();
        if (n == 0 || n > 19 || (n > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] read(ZipFile z, String name) throws IOException {
        ZipEntry e = z.getEntry(name);
        if (e == null) {
            throw new Failure(name + ": missing from the bundle");
        }
        return read(z, e, name);
    }

    private static byte[] read(ZipFile z, ZipEntry e, String name) throws IOException {
        if (e.getSize() > MAX_FILE) {
            throw new Failure(name + ": larger than " + MAX_FILE + " bytes");
        }
        try (InputStream in = z.getInputStream(e)) {
            // The declared size only sizes the buffer; reading one byte more detects a lying header.
            byte[] data = in.readNBytes(e.getSize() >= 0 ? (int) e.getSize() + 1 : MAX_FILE + 1);
            if (data.length > MAX_FILE) {
                throw new Failure(name + ": larger than " + MAX_FILE + " bytes");
            }
            return data;
        }
    }

    /** The first failed check; its message names the file. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }
}
