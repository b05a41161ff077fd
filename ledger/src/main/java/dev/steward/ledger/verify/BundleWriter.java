package dev.steward.ledger.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an evidence bundle as a zip file with this layout (documented again in its README.txt):
 * <pre>
 * README.txt            how to verify, by hand and with ./steward verify
 * vkey                  the log's signed-note verifier key, one line
 * log                   the log the bundle is from: "log &lt;id&gt;", "tenant &lt;tenant&gt;", "origin &lt;origin&gt;" lines
 * checkpoint            the signed checkpoint the entries are proved against (C2SP signed note)
 * latest-checkpoint     the latest signed checkpoint when the bundle was made
 * consistency           consistency proof from checkpoint to latest-checkpoint: hex hashes, one per line
 * entries/&lt;index&gt;       the raw bytes of entry &lt;index&gt; (decimal, 0-based)
 * proofs/&lt;index&gt;        its inclusion proof against checkpoint: hex hashes, one per line, leaf upwards
 * since/&lt;size&gt;          consistency proof from tree size &lt;size&gt; to latest-checkpoint (when asked for)
 * </pre>
 */
public final class BundleWriter {

    private BundleWriter() {
    }

    public static void write(Path zip, EvidenceBundle bundle) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
                ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "README.txt", readme().getBytes(StandardCharsets.UTF_8));
            put(z, "vkey", (bundle.vkey() + "\n").getBytes(StandardCharsets.UTF_8));
            if (bundle.claim() != null) {
                put(z, "log", bundle.claim().bytes());
            }
            put(z, "checkpoint", bundle.checkpoint());
            put(z, "latest-checkpoint", bundle.latestCheckpoint());
            put(z, "consistency", hexLines(bundle.consistency()));
            if (bundle.since() != null) {
                put(z, "since/" + bundle.since().size(), hexLines(bundle.since().hashes()));
            }
            for (BundleEntry e : bundle.entries()) {
                put(z, "entries/" + e.index(), e.entry());
                put(z, "proofs/" + e.index(), hexLines(e.proof()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write evidence bundle " + zip, e);
        }
    }

    private static byte[] hexLines(List<byte[]> hashes) {
        StringBuilder sb = new StringBuilder();
        hashes.forEach(h -> sb.append(HexFormat.of().formatHex(h)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Stored uncompressed: entries and hashes barely compress, and a bundle may hold 10^5 small files. */
    private static void put(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(data);
        z.closeEntry();
    }

    static String readme() {
        return """
                Steward evidence bundle
                =======================

                This archive proves that the entries in entries/ are part of a tamper-evident,
                append-only log (an RFC 9162 Merkle tree, stored as C2SP tlog-tiles), and that the
                log as of "checkpoint" is a prefix of the log as of "latest-checkpoint".

                Verify it with the Steward command line (no server, no database, no network):

                    ./steward verify --vkey '<vkey published by your provider>' bundle.zip
                    ./steward verify --vkey-file log.vkey --since saved-checkpoint bundle.zip

                The key must come from elsewhere than this bundle (the provider publishes each log's
                key without credentials at /.well-known/steward/logs/<log>/vkey): a bundle can only
                prove what its key signed. --since proves that the log still extends a checkpoint
                you saved earlier, so a rewritten and re-signed log is caught.

                Files
                -----
                vkey               the log's verifier key, C2SP signed-note format:
                                   <name>+<8 hex digits key ID>+<base64(0x01 || Ed25519 public key)>
                                   (the key name is the log's checkpoint origin)
                log                the log the bundle claims: its id, the tenant every entry names
                                   (top-level "tenant" of each JSON entry) and the checkpoint origin.
                checkpoint         C2SP tlog-checkpoint signed as a C2SP signed note: origin line,
                                   tree size, base64 root hash, extension line
                                   "time <UTC instant> clock-offset <measured offset and source>",
                                   a blank line, then "\u2014 <key name> <base64(key ID || signature)>".
                latest-checkpoint  the same for the latest tree when the bundle was made.
                consistency        RFC 9162 consistency proof from checkpoint to latest-checkpoint,
                                   one hex SHA-256 hash per line (empty when both sizes are equal).
                entries/<i>        raw bytes of entry number <i> (0-based).
                proofs/<i>         RFC 9162 inclusion proof of entry <i> in the tree of "checkpoint",
                                   one hex hash per line, from the leaf upwards.
                since/<n>          if asked for: consistency proof from tree size <n> (a checkpoint you
                                   saved) to latest-checkpoint.

                Verifying by hand
                -----------------
                1. Key: key ID = first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key).
                2. Signatures: the Ed25519 signature (after the 4-byte key ID in the signature line)
                   must verify over the note text, i.e. every byte up to and including the newline
                   before the blank line, with the public key from "vkey".
                3. Entries: leaf hash = SHA-256(0x00 || entry); fold the proof with
                   node = SHA-256(0x01 || left || right) as in RFC 9162 section 2.1.3.2; the result
                   must equal the root hash of "checkpoint".
                4. Consistency: check the proof with RFC 9162 section 2.1.4.2 against the root hashes
                   of "checkpoint" and "latest-checkpoint".
                """;
    }
}
