package dev.steward.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogReader;
import dev.steward.ledger.memory.MemoryLogStorage;
import dev.steward.ledger.note.NoteSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {

    private static final NoteSigner SIGNER = NoteSigner.fromSeed("steward.bundle", new byte[32]);
    private static final LogId LOG = new LogId(new java.util.UUID(0, 0xa), "tenant-a");

    @TempDir
    Path dir;
    Path bundle;

    @BeforeEach
    void writeBundle() {
        try (Ledger ledger = startLedger()) {
            appendActs(ledger, 0, 10);
            long at = ledger.size(LOG);
            appendActs(ledger, 10, 25);
            bundle = dir.resolve("bundle.zip");
            BundleWriter.write(bundle, EvidenceBundle.collect(ledger, LOG, List.of(0L, 3L, 9L), ledger.vkey(), at));
        }
    }

    @Test
    void anIntactBundleVerifiesAndSaysWhatWasChecked() {
        VerificationReport report = BundleVerifier.verify(bundle);
        assertThat(report.failure()).isNull();
        assertThat(report.ok()).isTrue();
        assertThat(String.join("\n", report.checked())).contains("vkey", "checkpoint", "latest-checkpoint",
                "consistency", "3 entries");
        assertThat(BundleVerifier.verify(bundle, SIGNER.vkey()).ok()).isTrue();
    }

    @Test
    void aLogThatGrowsWhileTheBundleIsCollectedStillGivesAVerifiableBundle() {
        try (Ledger ledger = startLedger()) {
            appendActs(ledger, 0, 12);
            // size() answers as if entries were integrated right after the latest checkpoint was read
            LogReader growing = (LogReader) Proxy.newProxyInstance(LogReader.class.getClassLoader(),
                    new Class<?>[] {LogReader.class}, (proxy, method, args) -> method.getName().equals("size")
                            ? ledger.size(LOG) + 7 : method.invoke(ledger, args));
            Path torn = dir.resolve("torn.zip");
            BundleWriter.write(torn, EvidenceBundle.collect(growing, LOG, List.of(2L), ledger.vkey(), ledger.size(LOG)));
            assertThat(BundleVerifier.verify(torn).failure()).isNull();
        }
    }

    @Test
    void aBundleSignedByAnotherKeyThanTheExpectedOneFails() {
        String other = NoteSigner.fromSeed("steward.bundle", new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8}).vkey();
        assertThat(BundleVerifier.verify(bundle, other).failure()).startsWith("checkpoint: not signed by any trusted key");
    }

    @Test
    void aCorruptedEntryIsNamed() throws IOException {
        expectFailure("entries/3", b -> flip(b, 2), "entry 3:");
        expectFailure("entries/0", b -> flip(b, 0), "entry 0:");
    }

    @Test
    void aCorruptedInclusionProofHashIsNamed() throws IOException {
        expectFailure("proofs/9", b -> hexDigit(b, 70), "entry 9:");
        expectFailure("proofs/3", b -> hexDigit(b, 5), "entry 3:");
        expectFailure("proofs/3", b -> new String(b, StandardCharsets.US_ASCII).replaceFirst("\n", "\n\n")
                .getBytes(StandardCharsets.US_ASCII), "proofs/3:");
    }

    @Test
    void aCorruptedCheckpointRootOrSignatureIsNamed() throws IOException {
        expectFailure("checkpoint", b -> replaceInLine(b, 2, 5), "checkpoint:");
        expectFailure("checkpoint", b -> replaceInLine(b, lineCount(b) - 1, 30), "checkpoint:");
        expectFailure("latest-checkpoint", b -> replaceInLine(b, lineCount(b) - 1, 30), "latest-checkpoint:");
        expectFailure("latest-checkpoint", b -> replaceInLine(b, 1, 0), "latest-checkpoint:");
    }

    @Test
    void aCorruptedConsistencyProofIsNamed() throws IOException {
        expectFailure("consistency", b -> hexDigit(b, 3), "consistency:");
        expectFailure("consistency", b -> new byte[0], "consistency:");
    }

    @Test
    void aCorruptedOrMissingVerifierKeyIsNamed() throws IOException {
        expectFailure("vkey", b -> replaceInLine(b, 0, b.length - 5), "vkey:");
        expectFailure("vkey", b -> replaceInLine(b, 0, 2), "vkey:");
        expectFailure("vkey", b -> null, "vkey:");
    }

    @Test
    void aFileThatIsNotAZipIsReported() throws IOException {
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        assertThat(BundleVerifier.verify(junk).failure()).startsWith("bundle:");
    }

    private static Ledger startLedger() {
        return new Ledger(new MemoryLogStorage(), SIGNER, Clock.systemUTC(), () -> "+0.001s ntp:test",
                LedgerConfig.defaults(), null).start();
    }

    /** Appends acts {@code from} (inclusive) to {@code to} (exclusive) and waits until they are integrated. */
    private static void appendActs(Ledger ledger, int from, int to) {
        for (int i = from; i < to; i++) {
            ledger.append(LOG, ("act " + i).getBytes(StandardCharsets.UTF_8)).join();
        }
        ledger.awaitIntegrated(LOG, to - 1, Duration.ofSeconds(10));
    }

    private void expectFailure(String file, UnaryOperator<byte[]> change, String named) throws IOException {
        Path corrupted = dir.resolve("corrupted.zip");
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                files.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        assertThat(files).containsKey(file);
        byte[] changed = change.apply(files.get(file));
        if (changed == null) {
            files.remove(file);
        } else {
            assertThat(changed).isNotEqualTo(files.get(file));
            files.put(file, changed);
        }
        try (OutputStream out = Files.newOutputStream(corrupted); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        VerificationReport report = BundleVerifier.verify(corrupted);
        assertThat(report.ok()).as("corrupting %s", file).isFalse();
        assertThat(report.failure()).as("corrupting %s", file).startsWith(named);
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 1;
        return c;
    }

    /** Replaces the hex digit at {@code at} by another hex digit, keeping the file well-formed. */
    private static byte[] hexDigit(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] = (byte) (c[at] == '0' ? '1' : '0');
        return c;
    }

    private static int lineCount(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).split("\n", -1).length - 1;
    }

    /** Changes one base64/ASCII character in line {@code line} at column {@code col}. */
    private static byte[] replaceInLine(byte[] b, int line, int col) {
        String[] lines = new String(b, StandardCharsets.UTF_8).split("\n", -1);
        char[] l = lines[line].toCharArray();
        int i = Math.min(col, l.length - 1);
        l[i] = l[i] == 'A' ? 'B' : 'A';
        lines[line] = new String(l);
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
}
