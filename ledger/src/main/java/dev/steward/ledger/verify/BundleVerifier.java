package dev.steward.ledger.verify;

import dev.steward.ledger.merkle.InclusionBatch;
import dev.steward.ledger.merkle.ProofInvalid;
import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteInvalid;
import dev.steward.ledger.note.NoteVerifier;
import dev.steward.ledger.note.SignedNote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Verifies an evidence bundle written by {@link BundleWriter} offline: both checkpoint signatures
 * against keys the customer trusts, the checkpoint origin and every entry's tenant against the log
 * the bundle claims, the consistency proof between the checkpoints (and, if asked, from a checkpoint
 * the customer saved earlier) and every entry's inclusion proof. Stops at the first failure and
 * names the file that failed.
 *
 * <h2>Bounds</h2>
 * Memory stays bounded for any archive: the central directory is sized from the end record before
 * the archive is opened (at most {@link #MAX_FILES} files, {@link #MAX_DIRECTORY} bytes), no file is
 * read beyond {@link #MAX_FILE} bytes whatever its header declares (bytes are counted while
 * inflating), and files waiting for their pair are held only up to {@link EntryFiles#PAIRING_BUDGET}.
 * A bundle unzipped and zipped again (directory entries, another order, compression, one enclosing
 * folder) verifies as the original does.
 */
public final class BundleVerifier {

    public static final int MAX_FILE = 1 << 20;
    /** Entries a bundle may hold (the server writes at most 100,000). */
    public static final int MAX_ENTRIES = 250_000;
    public static final int MAX_FILES = 2 * MAX_ENTRIES + 1_024;
    public static final long MAX_DIRECTORY = 64L << 20;

    private BundleVerifier() {
    }

    /** Verifies trusting the key found in the bundle (which proves less: see {@link VerifyOptions#trustBundleKey}). */
    public static VerificationReport verify(Path zip) {
        return verify(zip, VerifyOptions.trustingBundleKey());
    }

    /** Verifies against {@code trustedVkey}, or, if it is null, trusting the bundle's own key. */
    public static VerificationReport verify(Path zip, String trustedVkey) {
        return verify(zip, trustedVkey == null ? VerifyOptions.trustingBundleKey() : VerifyOptions.trusting(trustedVkey));
    }

    public static VerificationReport verify(Path zip, VerifyOptions options) {
        List<String> checked = new ArrayList<>();
        try {
            ZipBounds.Declared declared = ZipBounds.read(zip);
            if (declared == null) {
                throw new Failure("bundle: cannot read " + zip + " as a zip file (no end of central directory)");
            }
            if (declared.files() > MAX_FILES || declared.directoryBytes() > MAX_DIRECTORY) {
                throw new Failure("bundle: declares " + declared.files() + " files in a directory of "
                        + declared.directoryBytes() + " bytes, more than a bundle holds (" + MAX_FILES + " files, "
                        + MAX_DIRECTORY + " bytes)");
            }
            try (ZipFile z = new ZipFile(zip.toFile())) {
                return new Run(zip, z, options, checked).run();
            }
        } catch (Failure f) {
            return new VerificationReport(checked, f.getMessage());
        } catch (IOException e) {
            return new VerificationReport(checked, "bundle: cannot read " + zip + " as a zip file (" + e.getMessage() + ")");
        }
    }

    /** A checkpoint opened with the trusted key that signed it. */
    private record Opened(Checkpoint checkpoint, NoteVerifier key) {
    }

    private static final class Run {

        private final Path zipPath;
        private final ZipFile z;
        private final VerifyOptions options;
        private final List<String> checked;
        private String prefix = "";

        Run(Path zipPath, ZipFile z, VerifyOptions options, List<String> checked) {
            this.zipPath = zipPath;
            this.z = z;
            this.options = options;
            this.checked = checked;
        }

        VerificationReport run() throws IOException {
            if (z.size() > MAX_FILES) {
                throw new Failure("bundle: holds " + z.size() + " files, more than a bundle holds (" + MAX_FILES + ")");
            }
            prefix = folder();
            String vkeyText = new String(read("vkey"), StandardCharsets.UTF_8).strip();
            NoteVerifier bundleKey;
            try {
                bundleKey = NoteVerifier.fromVkey(vkeyText);
            } catch (NoteInvalid e) {
                throw new Failure("vkey: invalid verifier key (" + e.getMessage() + ")");
            }
            List<NoteVerifier> trusted = trusted(bundleKey, vkeyText);
            LogClaim claim = claim();

            Opened cp = open("checkpoint", read("checkpoint"), trusted);
            checkOrigin("checkpoint", cp, claim);
            checked.add("checkpoint: signed by trusted key " + cp.key().name() + "+" + hex(cp.key().keyId()) + "; origin "
                    + cp.checkpoint().origin() + ", size " + cp.checkpoint().size() + ", root "
                    + HexFormat.of().formatHex(cp.checkpoint().rootHash()));
            Opened latest = open("latest-checkpoint", read("latest-checkpoint"), trusted);
            if (!latest.checkpoint().origin().equals(cp.checkpoint().origin())) {
                throw new Failure("latest-checkpoint: origin " + latest.checkpoint().origin()
                        + " differs from checkpoint origin " + cp.checkpoint().origin());
            }
            checkOrigin("latest-checkpoint", latest, claim);
            checked.add("latest-checkpoint: signed by trusted key " + latest.key().name() + "; size "
                    + latest.checkpoint().size() + ", root " + HexFormat.of().formatHex(latest.checkpoint().rootHash()));

            Checkpoint at = cp.checkpoint();
            Checkpoint last = latest.checkpoint();
            List<byte[]> consistency = HashLines.parse("consistency", read("consistency"));
            try {
                ProofVerifier.verifyConsistency(at.size(), last.size(), consistency, at.rootHash(), last.rootHash());
            } catch (ProofInvalid e) {
                throw new Failure("consistency: proof from size " + at.size() + " to size " + last.size()
                        + " does not verify (" + e.getMessage() + ")");
            }
            checked.add("consistency: the tree of size " + at.size() + " is a prefix of the tree of size " + last.size());
            if (options.since() != null) {
                since(trusted, last);
            }
            entries(at, claim);
            return new VerificationReport(checked, null);
        }

        /** The folder the bundle's files are in: none, or the one folder a customer zipped them in again. */
        private String folder() {
            if (z.getEntry("vkey") != null) {
                return "";
            }
            String found = null;
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                String n = e.getName();
                if (!e.isDirectory() && n.endsWith("/vkey") && n.indexOf('/') == n.length() - "/vkey".length()) {
                    if (found != null) {
                        throw new Failure("vkey: more than one bundle in the archive (" + found + "vkey, " + n + ")");
                    }
                    found = n.substring(0, n.length() - "vkey".length());
                }
            }
            return found == null ? "" : found;
        }

        private List<NoteVerifier> trusted(NoteVerifier bundleKey, String vkeyText) {
            if (options.trustedVkeys().isEmpty()) {
                if (!options.trustBundleKey()) {
                    throw new Failure("vkey: no trusted key given: the bundle's own key (" + vkeyText + ") proves only"
                            + " that whoever made the bundle signed it; pass the key your provider published for this"
                            + " log (--vkey or --vkey-file), or --trust-bundle-key to accept that weaker proof");
                }
                checked.add("vkey: TRUSTING THE BUNDLE'S OWN KEY " + bundleKey.name() + "+" + hex(bundleKey.keyId())
                        + " as told: this proves the files agree with each other, not that they are your provider's log;"
                        + " compare the key with the one published at /.well-known/steward/logs");
                return List.of(bundleKey);
            }
            List<NoteVerifier> keys = new ArrayList<>();
            for (String k : options.trustedVkeys()) {
                try {
                    keys.add(NoteVerifier.fromVkey(k.strip()));
                } catch (NoteInvalid e) {
                    throw new Failure("trusted key: " + k.strip() + " is not a verifier key (" + e.getMessage() + ")");
                }
            }
            boolean same = keys.stream().anyMatch(k -> k.vkey().equals(bundleKey.vkey()));
            checked.add("vkey: " + keys.size() + " trusted key" + (keys.size() == 1 ? "" : "s") + " given"
                    + (same ? "; the bundle's key is one of them" : "; the bundle's key is not one of them"
                            + " (only signatures by a trusted key count)"));
            return keys;
        }

        private LogClaim claim() throws IOException {
            ZipEntry e = z.getEntry(prefix + "log");
            if (e == null) {
                if (options.expectedLog() != null) {
                    throw new Failure("log: the bundle names no log, expected log " + options.expectedLog());
                }
                checked.add("log: the bundle names no log (a bundle of an older server): entries' tenants not checked");
                return null;
            }
            LogClaim claim = LogClaim.parse(read(e, "log"));
            if (claim == null) {
                throw new Failure("log: not a log claim (lines 'log <id>', 'tenant <tenant>', 'origin <origin>')");
            }
            if (!claim.origin().endsWith("/" + claim.log())) {
                throw new Failure("log: origin " + claim.origin() + " is not an origin of log " + claim.log());
            }
            if (options.expectedLog() != null && !options.expectedLog().equals(claim.log())) {
                throw new Failure("log: the bundle is of log " + claim.log() + ", not of the expected log "
                        + options.expectedLog());
            }
            checked.add("log: the bundle claims log " + claim.log() + (claim.tenant() == null ? ""
                    : " of tenant " + claim.tenant()) + ", origin " + claim.origin());
            return claim;
        }

        /** The origin must be the claimed log's, and the key that signed must be named for it. */
        private void checkOrigin(String file, Opened opened, LogClaim claim) {
            String origin = opened.checkpoint().origin();
            if (claim != null && !origin.equals(claim.origin())) {
                throw new Failure(file + ": origin " + origin + " is not the origin " + claim.origin() + " of log "
                        + claim.log() + " the bundle claims");
            }
            String name = opened.key().name();
            // a log key is named its origin; the install key that co-signs names the origins' common prefix
            if (!origin.equals(name) && !origin.startsWith(name + "/")) {
                throw new Failure(file + ": origin " + origin + " is not a log of key " + name);
            }
        }

        private void since(List<NoteVerifier> trusted, Checkpoint last) throws IOException {
            Opened saved = open("since", options.since(), trusted);
            Checkpoint mine = saved.checkpoint();
            if (!mine.origin().equals(last.origin())) {
                throw new Failure("since: your checkpoint is of log " + mine.origin() + ", the bundle of " + last.origin());
            }
            if (mine.size() > last.size()) {
                throw new Failure("since: the bundle's latest checkpoint (size " + last.size() + ") is older than your"
                        + " checkpoint (size " + mine.size() + "); it cannot show that the log extends yours");
            }
            if (mine.size() == last.size()) {
                if (!java.security.MessageDigest.isEqual(mine.rootHash(), last.rootHash())) {
                    throw new Failure("since: same size " + mine.size() + " as your checkpoint but another root:"
                            + " the log was rewritten");
                }
            } else {
                ZipEntry proof = z.getEntry(prefix + "since/" + mine.size());
                if (proof == null) {
                    throw new Failure("since: the bundle holds no consistency proof from size " + mine.size()
                            + ", so it cannot prove the log extends your checkpoint; ask for a bundle with since="
                            + mine.size());
                }
                List<byte[]> hashes = HashLines.parse("since/" + mine.size(), read(proof, "since/" + mine.size()));
                try {
                    ProofVerifier.verifyConsistency(mine.size(), last.size(), hashes, mine.rootHash(), last.rootHash());
                } catch (ProofInvalid e) {
                    throw new Failure("since: the log is not an extension of your checkpoint of size " + mine.size()
                            + " (" + e.getMessage() + "): it was rewritten or forked");
                }
            }
            checked.add("since: the log of size " + last.size() + " extends your checkpoint of size " + mine.size());
        }

        private void entries(Checkpoint cp, LogClaim claim) throws IOException {
            TreeMap<Long, ZipEntry> entries = new TreeMap<>();
            String folder = prefix + "entries/";
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.isDirectory() || !e.getName().startsWith(folder)) {
                    continue;
                }
                String idx = e.getName().substring(folder.length());
                if (!isIndex(idx) || idx.length() == 19 && idx.compareTo(String.valueOf(Long.MAX_VALUE)) > 0) {
                    throw new Failure(e.getName() + ": not an entry index");
                }
                entries.put(Long.parseLong(idx), e);
            }
            String tenant = claim == null ? null : claim.tenant();
            // Proofs of neighbouring entries share their upper path: hash each shared node once.
            InclusionBatch inclusion = new InclusionBatch(cp.size(), cp.rootHash());
            // Files may arrive in any order; the report names the failure of the lowest index, as a check in
            // index order would. Only that one is kept, so failures take no memory however many there are.
            long[] failedAt = {Long.MAX_VALUE};
            String[] failure = {null};
            EntryFiles.forEachPair(zipPath, z, prefix, entries, MAX_FILE, this::read, (index, entry, proofFile) -> {
                String problem = null;
                try {
                    if (tenant != null && !tenant.equals(EntryTenant.of(entry))) {
                        String named = EntryTenant.of(entry);
                        problem = "entry " + index + ": entries/" + index + (named == null ? " names no tenant"
                                : " is of tenant " + named) + ", not of tenant " + tenant + " of log " + claim.log();
                    } else {
                        List<byte[]> proof = HashLines.parse("proofs/" + index, proofFile);
                        inclusion.verify(Rfc6962.leafHash(entry), index, proof);
                    }
                } catch (ProofInvalid x) {
                    problem = "entry " + index + ": entries/" + index + " and proofs/" + index
                            + " do not prove inclusion in checkpoint size " + cp.size() + " (" + x.getMessage() + ")";
                } catch (Failure f) {
                    problem = f.getMessage();
                }
                if (problem != null && index < failedAt[0]) {
                    failedAt[0] = index;
                    failure[0] = problem;
                }
            });
            if (failure[0] != null) {
                throw new Failure(failure[0]);
            }
            checked.add("entries: " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies")
                    + " included in the tree of checkpoint size " + cp.size()
                    + (tenant == null ? "" : ", each of tenant " + tenant)
                    + (entries.isEmpty() ? "" : " (indices " + entries.firstKey() + ".." + entries.lastKey() + ")"));
        }

        private byte[] read(String name) throws IOException {
            ZipEntry e = z.getEntry(prefix + name);
            if (e == null) {
                throw new Failure(name + ": missing from the bundle");
            }
            return read(e, name);
        }

        private byte[] read(ZipEntry e, String name) throws IOException {
            return BundleVerifier.read(z, e, name);
        }
    }

    /**
     * Opens a checkpoint with the first trusted key that signed it.
     *
     * @throws Failure if no trusted key signed it, or a signature claiming to be by a trusted key is invalid
     */
    private static Opened open(String name, byte[] note, List<NoteVerifier> trusted) {
        SignedNote parsed;
        try {
            parsed = SignedNote.parse(note);
        } catch (NoteInvalid e) {
            throw new Failure(name + ": not a valid signed checkpoint (" + e.getMessage() + ")");
        }
        Optional<NoteVerifier> signer = Optional.empty();
        for (NoteVerifier key : trusted) {
            boolean claims = parsed.signatures().stream().anyMatch(s -> s.name().equals(key.name()) && s.keyId() == key.keyId());
            if (!claims) {
                continue;
            }
            try {
                SignedNote.open(note, key);
            } catch (NoteInvalid e) {
                throw new Failure(name + ": not a valid checkpoint signed by " + key.name() + " (" + e.getMessage() + ")");
            }
            if (signer.isEmpty()) {
                signer = Optional.of(key);
            }
        }
        if (signer.isEmpty()) {
            throw new Failure(name + ": not signed by any trusted key (signed by "
                    + parsed.signatures().stream().map(s -> s.name() + "+" + hex(s.keyId())).toList() + ")");
        }
        try {
            return new Opened(Checkpoint.parse(parsed.text()), signer.get());
        } catch (NoteInvalid e) {
            throw new Failure(name + ": not a valid checkpoint (" + e.getMessage() + ")");
        }
    }

    private static String hex(int keyId) {
        return String.format("%08x", keyId);
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

    private static byte[] read(ZipFile z, ZipEntry e, String name) throws IOException {
        if (e.getSize() > MAX_FILE || e.getCompressedSize() > MAX_FILE) {
            throw new Failure(name + ": larger than " + MAX_FILE + " bytes");
        }
        try (InputStream in = z.getInputStream(e)) {
            // The declared size only sizes the buffer; reading one byte more detects a lying header.
            byte[] data = in.readNBytes(e.getSize() >= 0 ? (int) e.getSize() + 1 : MAX_FILE + 1);
            if (data.length > MAX_FILE) {
                throw new Failure(name + ": larger than " + MAX_FILE + " bytes");
            }
            if (e.getSize() >= 0 && data.length > e.getSize()) {
                throw new Failure(name + ": holds more bytes than its header declares (" + e.getSize() + ")");
            }
            return data;
        }
    }

    /** The first failed check; its message names the file. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }
}
