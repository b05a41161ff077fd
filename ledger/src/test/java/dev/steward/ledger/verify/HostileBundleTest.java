package dev.steward.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ledger.Ledger;
import dev.steward.ledger.LogId;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier against archives nobody at the provider wrote: re-zipped by a customer
 * (directories, another order, compression, an enclosing folder), entries placed before their
 * proofs, compressed bombs and lying headers, archives declaring more files than a bundle holds.
 * Each stays within the verifier's bounds and answers what it is.
 */
class HostileBundleTest {

    private static final LogId LOG = new LogId(new java.util.UUID(0, 0xa), "tenant-a");
    private static final int ENTRIES = 300;

    @TempDir
    Path dir;
    Path bundle;
    String vkey;
    Map<String, byte[]> files;

    @BeforeEach
    void writeBundle() throws IOException {
        bundle = dir.resolve("bundle.zip");
        try (Ledger ledger = BundleTrustTest.ledger()) {
            for (int i = 0; i < ENTRIES; i++) {
                ledger.append(LOG, BundleTrustTest.act("tenant-a", i));
            }
            ledger.awaitIntegrated(LOG, ENTRIES - 1, java.time.Duration.ofSeconds(20));
            vkey = ledger.vkey(LOG);
            BundleWriter.write(bundle, EvidenceBundle.collect(ledger, LOG, LongStream.range(0, ENTRIES).boxed().toList(),
                    vkey, ENTRIES).claiming(BundleTrustTest.claimOf(LOG)));
        }
        files = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                files.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
    }

    @Test
    void aBundleUnzippedAndZippedAgainByACustomerVerifies() throws IOException {
        // what `unzip bundle.zip -d bundle && zip -r again.zip bundle` gives: one folder, directory entries,
        // deflated files, in the order the file system lists them
        List<String> names = new ArrayList<>(files.keySet());
        Collections.reverse(names);
        Path again = dir.resolve("again.zip");
        try (OutputStream out = Files.newOutputStream(again); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String d : List.of("bundle/", "bundle/proofs/", "bundle/entries/")) {
                z.putNextEntry(new ZipEntry(d));
                z.closeEntry();
            }
            for (String n : names) {
                z.putNextEntry(new ZipEntry("bundle/" + n));
                z.write(files.get(n));
                z.closeEntry();
            }
        }
        VerificationReport report = BundleVerifier.verify(again, VerifyOptions.trusting(vkey));
        assertThat(report.failure()).isNull();
        assertThat(String.join("\n", report.checked())).contains(ENTRIES + " entries included");

        Path flat = rezip(names, true);
        assertThat(BundleVerifier.verify(flat, VerifyOptions.trusting(vkey)).failure()).isNull();
    }

    @Test
    void entriesPlacedBeforeTheirProofsVerifyWithinThePairingBudget() throws IOException {
        List<String> names = new ArrayList<>(files.keySet());
        names.sort((a, b) -> Boolean.compare(a.startsWith("proofs/"), b.startsWith("proofs/")));
        Path entriesFirst = rezip(names, false);
        assertThat(BundleVerifier.verify(entriesFirst, VerifyOptions.trusting(vkey)).failure()).isNull();

        // With a tiny budget the sequential pass gives up and each pair is read on its own, once.
        Map<Long, Integer> pairs = new HashMap<>();
        Set<String> readAlone = new HashSet<>();
        try (ZipFile z = new ZipFile(entriesFirst.toFile())) {
            TreeMap<Long, ZipEntry> entries = new TreeMap<>();
            for (long i = 0; i < ENTRIES; i++) {
                entries.put(i, z.getEntry("entries/" + i));
            }
            EntryFiles.forEachPair(entriesFirst, z, "", entries, BundleVerifier.MAX_FILE, 1_000, name -> {
                readAlone.add(name);
                return z.getInputStream(z.getEntry(name)).readAllBytes();
            }, (index, entry, proof) -> pairs.merge(index, 1, Integer::sum));
        }
        assertThat(pairs).hasSize(ENTRIES).allSatisfy((i, n) -> assertThat(n).isEqualTo(1));
        assertThat(readAlone).contains("entries/" + (ENTRIES - 1), "proofs/" + (ENTRIES - 1));
    }

    @Test
    void aCompressedBombIsRefusedWithoutInflatingIt() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                if (f.getKey().equals("entries/7")) {
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 256; i++) {
                        z.write(zeros); // 256 MiB of zeros, a few hundred KiB compressed
                    }
                } else {
                    z.write(f.getValue());
                }
                z.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(4L << 20);
        VerificationReport report = BundleVerifier.verify(bomb, VerifyOptions.trusting(vkey));
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).isEqualTo("entries/7: larger than " + BundleVerifier.MAX_FILE + " bytes");
    }

    @Test
    void aFileWhoseHeaderUnderstatesWhatItInflatesToIsRefused() throws IOException {
        Path bomb = dir.resolve("lying.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getKey().equals("consistency") ? new byte[64 << 20] : f.getValue());
                z.closeEntry();
            }
        }
        byte[] zip = Files.readAllBytes(bomb);
        // the central directory's uncompressed size of "consistency" now says 10 bytes
        patchCentralSize(zip, "consistency", 10);
        Files.write(bomb, zip);
        VerificationReport report = BundleVerifier.verify(bomb, VerifyOptions.trusting(vkey));
        assertThat(report.ok()).isFalse();
        assertThat(report.failure()).startsWith("consistency: holds more bytes than its header declares");
    }

    @Test
    void anArchiveDeclaringMoreThanABundleHoldsIsRefusedBeforeItIsOpened() throws IOException {
        byte[] zip = Files.readAllBytes(bundle);
        int eocd = lastIndexOf(zip, 0x06054b50);
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(eocd + 12, 0x7FFFFFF0);
        Path huge = dir.resolve("huge.zip");
        Files.write(huge, zip);
        VerificationReport report = BundleVerifier.verify(huge, VerifyOptions.trusting(vkey));
        assertThat(report.failure()).startsWith("bundle: declares").contains("more than a bundle holds");
    }

    @Test
    void aStrangerFileUnderEntriesIsNamed() throws IOException {
        files.put("entries/x", new byte[] {1});
        Path odd = rezip(new ArrayList<>(files.keySet()), false);
        assertThat(BundleVerifier.verify(odd, VerifyOptions.trusting(vkey)).failure()).isEqualTo("entries/x: not an entry index");
    }

    private Path rezip(List<String> names, boolean withDirectories) throws IOException {
        Path out = dir.resolve("rezipped-" + java.util.UUID.randomUUID() + ".zip");
        try (OutputStream o = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(o)) {
            if (withDirectories) {
                z.putNextEntry(new ZipEntry("entries/"));
                z.closeEntry();
                z.putNextEntry(new ZipEntry("proofs/"));
                z.closeEntry();
            }
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(files.get(n));
                z.closeEntry();
            }
        }
        return out;
    }

    private static void patchCentralSize(byte[] zip, String name, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < zip.length; at++) {
            if (b.getInt(at) != 0x02014b50) {
                continue;
            }
            int nameLength = b.getShort(at + 28) & 0xFFFF;
            if (nameLength == wanted.length
                    && java.util.Arrays.equals(zip, at + 46, at + 46 + nameLength, wanted, 0, wanted.length)) {
                b.putInt(at + 24, size);
                return;
            }
        }
        throw new AssertionError("no central directory record of " + name);
    }

    private static int lastIndexOf(byte[] zip, int signature) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = zip.length - 22; at >= 0; at--) {
            if (b.getInt(at) == signature) {
                return at;
            }
        }
        throw new AssertionError("no end record");
    }
}
