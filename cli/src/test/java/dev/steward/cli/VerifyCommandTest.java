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
        LogId log = new LogId("tenant-cli");
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
        assertThat(run("verify", bundle.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("ok   vkey", "ok   checkpoint", "ok   consistency", "ok   entries: 2 entries",
                "VERIFIED");
        assertThat(run("verify", "--vkey", SIGNER.vkey(), bundle.toString())).isEqualTo(0);
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
        assertThat(run("verify", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: entry 4:");
    }

    @Test
    void aBundleUnderAnotherKeyThanTheExpectedOneFails() {
        String other = NoteSigner.generate("steward.cli-test").vkey();
        assertThat(run("verify", "--vkey", other, bundle.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED: vkey:");
    }

    @Test
    void aMissingFileExitsWithTwo() {
        assertThat(run("verify", dir.resolve("nope.zip").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a readable file");
    }
}
