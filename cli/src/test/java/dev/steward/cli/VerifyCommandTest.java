package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogId;
import dev.steward.ledger.memory.MemoryLogStorage;
import dev.steward.ledger.note.NoteSigner;
import dev.steward.ledger.verify.BundleWriter;
import dev.steward.ledger.verify.EvidenceBundle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {

    private static final NoteSigner SIGNER = NoteSigner.fromSeed("steward.cli-test", new byte[32]);

    @TempDir
    Path dir;
    Path bundle;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeBundle() {
        LogId log = new LogId(new java.util.UUID(0, 0xc1), "tenant-cli");
        try (Ledger ledger = new Ledger(new MemoryLogStorage(), SIGNER, Clock.systemUTC(), null,
                LedgerConfig.defaults(), null).start()) {
            for (int i = 0; i < 5; i++) {
                ledger.append(log, ("act " + i).getBytes(StandardCharsets.UTF_8)).join();
            }
            ledger.awaitIntegrated(log, 4, Duration.ofSeconds(10));
            bundle = dir.resolve("bundle.zip");
            BundleWriter.write(bundle, EvidenceBundle.collect(ledger, log, List.of(1L, 4L), ledger.vkey()));
        }
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new StewardCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void anIntactBundleVerifiesWithExitCodeZeroAndListsTheChecks() {
        assertThat(run("verify", "--vkey", SIGNER.vkey(), bundle.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("ok   vkey", "ok   checkpoint", "ok   consistency", "ok   entries: 2 entries",
                "VERIFIED");
    }

    @Test
    void theBundlesOwnKeyIsRefusedUnlessToldAndThenSaysWhyItProvesLess() {
        assertThat(run("verify", bundle.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: vkey: no trusted key given", "--trust-bundle-key");
        assertThat(out.toString()).doesNotContain("VERIFIED");

        assertThat(run("verify", "--trust-bundle-key", bundle.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("TRUSTING THE BUNDLE'S OWN KEY",
                "anyone can write a bundle that verifies under its own key", "VERIFIED");
    }

    @Test
    void keysComeFromAFileAndASavedCheckpointProvesTheLogWasNotRewritten() throws IOException {
        LogId log = new LogId(new java.util.UUID(0, 0xc1), "tenant-cli");
        Path keys = dir.resolve("log.vkey");
        Path saved = dir.resolve("saved-checkpoint");
        Path honest = dir.resolve("honest.zip");
        Path rewritten = dir.resolve("rewritten.zip");
        Path noProof = dir.resolve("no-proof.zip");
        try (Ledger ledger = ledger()) {
            Files.writeString(keys, "# published at /.well-known/steward/logs/tenant-cli/vkey\n" + ledger.vkey(log) + "\n");
            append(ledger, log, 0, 5, i -> "act " + i);
            Files.write(saved, ledger.latestCheckpoint(log).orElseThrow());
            append(ledger, log, 5, 8, i -> "act " + i);
            BundleWriter.write(honest, EvidenceBundle.collect(ledger, log, List.of(6L), ledger.vkey(log)).withProofSince(ledger, log, 5));
            BundleWriter.write(noProof, EvidenceBundle.collect(ledger, log, List.of(6L), ledger.vkey(log)));
        }
        try (Ledger ledger = ledger()) {
            // the provider rewrites entry 2, rebuilds the log under the same key and re-signs it
            append(ledger, log, 0, 8, i -> i == 2 ? "act rewritten" : "act " + i);
            BundleWriter.write(rewritten, EvidenceBundle.collect(ledger, log, List.of(6L), ledger.vkey(log)).withProofSince(ledger, log, 5));
        }

        assertThat(run("verify", "--vkey-file", keys.toString(), "--since", saved.toString(), honest.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("ok   since: the log of size 8 extends your checkpoint of size 5", "VERIFIED");

        assertThat(run("verify", "--vkey-file", keys.toString(), rewritten.toString())).as("alone it verifies").isEqualTo(0);
        assertThat(run("verify", "--vkey-file", keys.toString(), "--since", saved.toString(), rewritten.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: since: the log is not an extension of your checkpoint of size 5");

        assertThat(run("verify", "--vkey-file", keys.toString(), "--since", saved.toString(), noProof.toString()))
                .as("a bundle without a proof from the saved size says it cannot prove it").isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: since: the bundle holds no consistency proof from size 5");
    }

    @Test
    void aBundleZippedAgainVerifiesAndACompressedBombIsRefused() throws IOException {
        Path again = dir.resolve("again.zip");
        Path bomb = dir.resolve("bomb.zip");
        try (ZipFile z = new ZipFile(bundle.toFile()); OutputStream o = Files.newOutputStream(again);
                ZipOutputStream zo = new ZipOutputStream(o); OutputStream b = Files.newOutputStream(bomb);
                ZipOutputStream zb = new ZipOutputStream(b)) {
            zo.putNextEntry(new ZipEntry("bundle/"));
            zo.closeEntry();
            List<ZipEntry> all = new java.util.ArrayList<>(Collections.list(z.entries()));
            Collections.reverse(all);
            for (ZipEntry e : all) {
                byte[] data = z.getInputStream(e).readAllBytes();
                zo.putNextEntry(new ZipEntry("bundle/" + e.getName()));
                zo.write(data);
                zo.closeEntry();
                zb.putNextEntry(new ZipEntry(e.getName()));
                zb.write(e.getName().equals("proofs/1") ? new byte[32 << 20] : data);
                zb.closeEntry();
            }
        }
        assertThat(run("verify", "--vkey", SIGNER.vkey(), again.toString())).isEqualTo(0);
        assertThat(run("verify", "--vkey", SIGNER.vkey(), bomb.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: proofs/1: larger than");
    }

    private static Ledger ledger() {
        return new Ledger(new MemoryLogStorage(), SIGNER, Clock.systemUTC(), null, LedgerConfig.defaults(), null).start();
    }

    private static void append(Ledger ledger, LogId log, int from, int to, java.util.function.IntFunction<String> entry) {
        for (int i = from; i < to; i++) {
            ledger.append(log, entry.apply(i).getBytes(StandardCharsets.UTF_8)).join();
            ledger.awaitIntegrated(log, i, Duration.ofSeconds(10));
        }
    }

    @Test
    void aTamperedEntryFailsWithNonZeroExitNamingIt() throws IOException {
        Path bad = dir.resolve("bad.zip");
        try (ZipFile z = new ZipFile(bundle.toFile()); OutputStream o = Files.newOutputStream(bad);
                ZipOutputStream zo = new ZipOutputStream(o)) {
            for (ZipEntry e : Collections.list(z.entries())) {
                byte[] data = z.getInputStream(e).readAllBytes();
                if (e.getName().equals("entries/4")) {
                    data[0] ^= 1;
                }
                zo.putNextEntry(new ZipEntry(e.getName()));
                zo.write(data);
                zo.closeEntry();
            }
        }
        assertThat(run("verify", "--vkey", SIGNER.vkey(), bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: entry 4:");
    }

    @Test
    void aBundleUnderAnotherKeyThanTheExpectedOneFails() {
        String other = NoteSigner.generate("steward.cli-test").vkey();
        assertThat(run("verify", "--vkey", other, bundle.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: checkpoint: not signed by any trusted key");
    }

    @Test
    void aMissingFileExitsWithTwo() {
        assertThat(run("verify", "--trust-bundle-key", dir.resolve("nope.zip").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a readable file");
    }
}
