package dev.steward.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ledger.CheckpointSigner;
import dev.steward.ledger.Ledger;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogId;
import dev.steward.ledger.memory.MemoryLogStorage;
import dev.steward.ledger.merkle.MerkleTree;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteSigner;
import dev.steward.ledger.note.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a bundle is verified against: keys the customer got elsewhere (one per log, named its
 * origin), the log the bundle claims (origin and every entry's tenant), and a checkpoint the
 * customer saved earlier, so a provider who rewrites and re-signs its log is caught.
 */
class BundleTrustTest {

    private static final NoteSigner INSTALL = NoteSigner.fromSeed("steward-log", new byte[32]);
    private static final LogId LOG = new LogId(new java.util.UUID(0, 0xa), "tenant-a");
    private static final LogId OTHER = new LogId(new java.util.UUID(0, 0xb), "tenant-b");

    @TempDir
    Path dir;

    @Test
    void aBundleIsNotCalledVerifiedAgainstItsOwnKeyUnlessToldSo() {
        Path bundle = bundleOf(LOG, 6, i -> act("tenant-a", i), 6, null);
        VerificationReport refused = BundleVerifier.verify(bundle, new VerifyOptions(List.of(), false, null, null));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.failure()).startsWith("vkey: no trusted key given").contains("--trust-bundle-key");

        VerificationReport told = BundleVerifier.verify(bundle, VerifyOptions.trustingBundleKey());
        assertThat(told.ok()).isTrue();
        assertThat(String.join("\n", told.checked())).contains("TRUSTING THE BUNDLE'S OWN KEY");
    }

    @Test
    void eachLogSignsUnderAKeyNamedItsOriginAndOnlyThatLogsKeyVerifiesIt() {
        try (Ledger ledger = ledger()) {
            NoteVerifier logKey = NoteVerifier.fromVkey(ledger.vkey(LOG));
            assertThat(logKey.name()).isEqualTo(ledger.origin(LOG)).isEqualTo("steward-log/tenant-a");
            assertThat(ledger.vkey(LOG)).isNotEqualTo(ledger.vkey(OTHER)).isNotEqualTo(ledger.vkey());
        }
        Path bundle = bundleOf(LOG, 6, i -> act("tenant-a", i), 6, null);
        try (Ledger ledger = ledger()) {
            assertThat(BundleVerifier.verify(bundle, VerifyOptions.trusting(ledger.vkey(LOG))).failure()).isNull();
            // the install key co-signs every checkpoint: customers who pinned it before log keys keep verifying
            assertThat(BundleVerifier.verify(bundle, VerifyOptions.trusting(ledger.vkey())).failure()).isNull();
            assertThat(BundleVerifier.verify(bundle, VerifyOptions.trusting(ledger.vkey(OTHER))).failure())
                    .startsWith("checkpoint: not signed by any trusted key");
        }
    }

    @Test
    void aCheckpointSignedBeforeLogKeysExistedIsAttestedByTheLogKeyWhenHandedOut() {
        byte[] root = new MerkleTree().root();
        String origin = CheckpointSigner.origin(INSTALL.name(), LOG);
        byte[] old = INSTALL.sign(new Checkpoint(origin, 0, root, List.of("time 2026-01-01T00:00:00Z clock-offset unmeasured"))
                .text()).getBytes(StandardCharsets.UTF_8);
        try (Ledger ledger = ledger()) {
            byte[] attested = ledger.attest(LOG, old);

            assertThat(Checkpoint.open(attested, NoteVerifier.fromVkey(ledger.vkey(LOG))).origin()).isEqualTo(origin);
            assertThat(Checkpoint.open(attested, INSTALL.verifier()).origin()).isEqualTo(origin);
            assertThat(ledger.attest(LOG, attested)).isEqualTo(attested);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ledger.attest(OTHER, old)))
                    .as("a checkpoint of one log is never attested for another")
                    .isInstanceOf(dev.steward.ledger.note.NoteInvalid.class).hasMessageContaining("is not the origin of log");
        }
    }

    @Test
    void theOriginMustBeTheLogTheBundleClaims() {
        Path bundle = bundleOf(LOG, 4, i -> act("tenant-a", i), 4, new LogClaim("tenant-b", "tenant-b",
                CheckpointSigner.origin(INSTALL.name(), OTHER)));
        try (Ledger ledger = ledger()) {
            VerificationReport report = BundleVerifier.verify(bundle, VerifyOptions.trusting(ledger.vkey()));
            assertThat(report.failure()).startsWith("checkpoint: origin steward-log/tenant-a is not the origin");
            VerificationReport expected = BundleVerifier.verify(bundleOf(LOG, 4, i -> act("tenant-a", i), 4, claimOf(LOG)),
                    VerifyOptions.trusting(ledger.vkey(LOG)).expectingLog("tenant-b"));
            assertThat(expected.failure()).startsWith("log: the bundle is of log tenant-a, not of the expected log tenant-b");
        }
    }

    @Test
    void everyEntrysTenantMustBeTheClaimedLogsTenant() {
        Path good = bundleOf(LOG, 5, i -> act("tenant-a", i), 5, claimOf(LOG));
        Path mixed = bundleOf(LOG, 5, i -> act(i == 3 ? "tenant-b" : "tenant-a", i), 5, claimOf(LOG));
        Path nested = bundleOf(LOG, 5, i -> ("{\"actor\":{\"tenant\":\"tenant-a\"},\"tenant\":\"tenant-b\",\"n\":" + i + "}")
                .getBytes(StandardCharsets.UTF_8), 5, claimOf(LOG));
        try (Ledger ledger = ledger()) {
            VerifyOptions trust = VerifyOptions.trusting(ledger.vkey(LOG));
            assertThat(BundleVerifier.verify(good, trust).failure()).isNull();
            assertThat(String.join("\n", BundleVerifier.verify(good, trust).checked())).contains("each of tenant tenant-a");
            assertThat(BundleVerifier.verify(mixed, trust).failure())
                    .isEqualTo("entry 3: entries/3 is of tenant tenant-b, not of tenant tenant-a of log tenant-a");
            assertThat(BundleVerifier.verify(nested, trust).failure()).startsWith("entry 0: entries/0 is of tenant tenant-b");
        }
    }

    @Test
    void aProviderWhoRewritesAndReSignsTheLogIsCaughtByTheCustomersSavedCheckpoint() {
        byte[] saved;
        try (Ledger honest = ledger()) {
            append(honest, 0, 10, i -> act("tenant-a", i));
            saved = honest.latestCheckpoint(LOG).orElseThrow();
        }
        // The same key, a fresh storage: entry 3 rewritten, the log rebuilt and grown, every checkpoint re-signed.
        Path rewritten = bundleOf(LOG, 15, i -> act("tenant-a", i == 3 ? 999 : i), 15, claimOf(LOG), 10L);
        Path extended = bundleOf(LOG, 15, i -> act("tenant-a", i), 15, claimOf(LOG), 10L);
        Path withoutProof = bundleOf(LOG, 15, i -> act("tenant-a", i), 15, claimOf(LOG));
        try (Ledger ledger = ledger()) {
            VerifyOptions since = VerifyOptions.trusting(ledger.vkey(LOG)).since(saved);
            assertThat(BundleVerifier.verify(rewritten, VerifyOptions.trusting(ledger.vkey(LOG))).failure())
                    .as("on its own the rewritten log verifies: only the saved checkpoint shows the rewrite").isNull();

            assertThat(BundleVerifier.verify(rewritten, since).failure())
                    .startsWith("since: the log is not an extension of your checkpoint of size 10");
            VerificationReport ok = BundleVerifier.verify(extended, since);
            assertThat(ok.failure()).isNull();
            assertThat(String.join("\n", ok.checked())).contains("since: the log of size 15 extends your checkpoint of size 10");
            assertThat(BundleVerifier.verify(withoutProof, since).failure())
                    .startsWith("since: the bundle holds no consistency proof from size 10").contains("since=10");
        }
    }

    @Test
    void aSavedCheckpointOfAnotherLogOrANewerOneIsNotProofOfExtension() {
        byte[] ofOther;
        byte[] newer;
        try (Ledger ledger = ledger()) {
            append(ledger, 0, 3, i -> act("tenant-b", i), OTHER);
            ofOther = ledger.latestCheckpoint(OTHER).orElseThrow();
            append(ledger, 0, 9, i -> act("tenant-a", i), LOG);
            newer = ledger.latestCheckpoint(LOG).orElseThrow();
        }
        Path bundle = bundleOf(LOG, 6, i -> act("tenant-a", i), 6, claimOf(LOG));
        try (Ledger ledger = ledger()) {
            VerifyOptions trust = VerifyOptions.trusting(ledger.vkey(LOG), ledger.vkey(OTHER));
            assertThat(BundleVerifier.verify(bundle, trust.since(ofOther)).failure()).startsWith("since: your checkpoint is of log");
            assertThat(BundleVerifier.verify(bundle, trust.since(newer)).failure()).contains("is older than your checkpoint");
            assertThat(BundleVerifier.verify(bundle, VerifyOptions.trusting(ledger.vkey(LOG)).since(ofOther)).failure())
                    .startsWith("since: not signed by any trusted key");
        }
    }

    static LogClaim claimOf(LogId log) {
        return new LogClaim(log.value(), log.value(), CheckpointSigner.origin(INSTALL.name(), log));
    }

    static byte[] act(String tenant, int i) {
        return ("{\"action\":\"act\",\"n\":" + i + ",\"tenant\":\"" + tenant + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private Path bundleOf(LogId log, int entries, IntFunction<byte[]> entry, int provedAt, LogClaim claim) {
        return bundleOf(log, entries, entry, provedAt, claim, null);
    }

    private Path bundleOf(LogId log, int entries, IntFunction<byte[]> entry, int provedAt, LogClaim claim, Long since) {
        Path zip = dir.resolve("bundle-" + java.util.UUID.randomUUID() + ".zip");
        try (Ledger ledger = ledger()) {
            append(ledger, 0, entries, entry, log);
            EvidenceBundle b = EvidenceBundle.collect(ledger, log,
                    java.util.stream.LongStream.range(0, provedAt).boxed().toList(), ledger.vkey(log), provedAt);
            if (claim != null) {
                b = b.claiming(claim);
            }
            if (since != null) {
                b = b.withProofSince(ledger, log, since);
            }
            BundleWriter.write(zip, b);
        }
        return zip;
    }

    static Ledger ledger() {
        return new Ledger(new MemoryLogStorage(), INSTALL, Clock.systemUTC(), null, LedgerConfig.defaults(), null).start();
    }

    private static void append(Ledger ledger, int from, int to, IntFunction<byte[]> entry) {
        append(ledger, from, to, entry, LOG);
    }

    /** Appends one at a time, each integrated before the next, so every size has a checkpoint. */
    static void append(Ledger ledger, int from, int to, IntFunction<byte[]> entry, LogId log) {
        for (int i = from; i < to; i++) {
            ledger.append(log, entry.apply(i)).join();
            ledger.awaitIntegrated(log, i, Duration.ofSeconds(10));
        }
    }
}
