package dev.steward.ledger.verify;

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
import java.util.Map;
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
    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("0|[1-9][0-9]{0,18}");

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
            return run(z, expectedVkey, checked);
        } catch (Failure f) {
            return new VerificationReport(checked, f.getMessage());
        } catch (IOException e) {
            return new VerificationReport(checked, "bundle: cannot read " + zip + " as a zip file (" + e.getMessage() + ")");
        }
    }

    private static VerificationReport run(ZipFile z, String expectedVkey, List<String> checked) throws IOException {
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

        Map<Long, ZipEntry> entries = new TreeMap<>();
        for (ZipEntry e : java.util.Collections.list(z.entries())) {
            if (e.getName().startsWith("entries/")) {
                String idx = e.getName().substring("entries/".length());
                if (!INDEX.matcher(idx).matches()) {
                    throw new Failure(e.getName() + ": not an entry index");
                }
                entries.put(Long.parseLong(idx), e);
            }
        }
        for (long index : entries.keySet()) {
            byte[] entry = read(z, "entries/" + index);
            List<byte[]> proof = hashes(z, "proofs/" + index);
            try {
                ProofVerifier.verifyInclusion(Rfc6962.leafHash(entry), index, cp.size(), proof, cp.rootHash());
            } catch (ProofInvalid e) {
                throw new Failure("entry " + index + ": entries/" + index + " and proofs/" + index
                        + " do not prove inclusion in checkpoint size " + cp.size() + " (" + e.getMessage() + ")");
            }
        }
        checked.add("entries: " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies")
                + " included in the tree of checkpoint size " + cp.size()
                + (entries.isEmpty() ? "" : " (indices " + entries.keySet().iterator().next() + ".."
                        + ((TreeMap<Long, ZipEntry>) entries).lastKey() + ")"));
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
        String text = new String(read(z, name), StandardCharsets.US_ASCII);
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

    private static byte[] read(ZipFile z, String name) throws IOException {
        ZipEntry e = z.getEntry(name);
        if (e == null) {
            throw new Failure(name + ": missing from the bundle");
        }
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
