package dev.steward.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteSigner;
import dev.steward.ledger.tiles.EntryBundle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every storage must give the ledger; subclasses supply the storage. */
public abstract class LedgerBehaviour {

    protected static final NoteSigner SIGNER = NoteSigner.fromSeed("steward.test", new byte[32]);
    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected final LogId log = new LogId(UUID.randomUUID(), "tenant-" + System.nanoTime());
    protected LogStorage storage;
    protected Ledger ledger;

    protected abstract LogStorage newStorage() throws Exception;

    @BeforeEach
    protected void open() throws Exception {
        storage = newStorage();
        ledger = new Ledger(storage, SIGNER, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                () -> "+0.012s ntp:test", new LedgerConfig(64, Duration.ofMillis(1), 10_000, 100,
                        Duration.ofMillis(5)), Throwable::printStackTrace).start();
    }

    @AfterEach
    protected void close() throws Exception {
        ledger.close();
    }

    protected static byte[] entry(int i) {
        return ("entry " + i).getBytes(StandardCharsets.UTF_8);
    }

    protected List<SequencedEntry> appendAll(int n) {
        List<CompletableFuture<SequencedEntry>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(ledger.append(log, entry(i)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void appendedEntriesGetConsecutiveIndicesAndVerifiableInclusionProofs() {
        List<SequencedEntry> seq = appendAll(700);
        assertThat(seq).extracting(SequencedEntry::index).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 700).boxed().toList());
        InclusionProof proof = ledger.awaitIntegrated(log, 699, WAIT);
        Checkpoint cp = Checkpoint.open(proof.checkpoint(), SIGNER.verifier());
        assertThat(cp.origin()).isEqualTo("steward.test/" + log.value());
        assertThat(cp.extensions()).containsExactly("time 2026-01-02T03:04:05Z clock-offset +0.012s ntp:test");
        for (long i : new long[] {0, 1, 255, 256, 511, 699}) {
            InclusionProof p = ledger.inclusionProof(log, i, cp.size());
            ProofVerifier.verifyInclusion(Rfc6962.leafHash(ledger.entry(log, i)), i, cp.size(), p.hashes(), cp.rootHash());
            assertThat(ledger.entry(log, i)).isEqualTo(entry((int) i));
        }
    }

    @Test
    void everyPublishedCheckpointIsConsistentWithTheLatest() {
        for (int round = 0; round < 5; round++) {
            appendAll(37 + round * 60);
            ledger.awaitIntegrated(log, ledger.size(log) > 0 ? 0 : 0, WAIT);
        }
        long last = appendAll(1).get(0).index();
        Checkpoint latest = Checkpoint.open(ledger.awaitIntegrated(log, last, WAIT).checkpoint(), SIGNER.verifier());
        int checked = 0;
        for (long size = 1; size <= latest.size(); size++) {
            var note = ledger.checkpoint(log, size);
            if (note.isEmpty()) {
                continue;
            }
            Checkpoint old = Checkpoint.open(note.get(), SIGNER.verifier());
            ProofVerifier.verifyConsistency(old.size(), latest.size(), ledger.consistencyProof(log, old.size(),
                    latest.size()), old.rootHash(), latest.rootHash());
            checked++;
        }
        assertThat(checked).isGreaterThan(1);
    }

    @Test
    void tilesAndBundlesAreServedAtEveryWidthTheTreeHasReached() {
        appendAll(300);
        ledger.awaitIntegrated(log, 299, WAIT);
        byte[] full = ledger.entryBundle(log, 0, 256);
        assertThat(EntryBundle.parse(full)).hasSize(256);
        assertThat(EntryBundle.parse(ledger.entryBundle(log, 1, 44))).hasSize(44);
        assertThat(ledger.tile(log, 0, 0, 256)).hasSize(256 * 32);
        assertThat(ledger.tile(log, 0, 1, 10)).hasSize(10 * 32);
        assertThat(ledger.tile(log, 1, 0, 1)).isEqualTo(Rfc6962.perfectRoot(ledger.tile(log, 0, 0, 256), 0, 256));
        assertThatThrownBy(() -> ledger.tile(log, 0, 1, 45)).isInstanceOf(EntryNotFound.class);
        assertThatThrownBy(() -> ledger.entryBundle(log, 2, 1)).isInstanceOf(EntryNotFound.class);
    }

    @Test
    void oversizedEntriesAreRejectedAndChangeNothing() {
        appendAll(3);
        ledger.awaitIntegrated(log, 2, WAIT);
        assertThatThrownBy(() -> ledger.append(log, new byte[65_536])).isInstanceOf(EntryTooLarge.class);
        assertThatThrownBy(() -> ledger.append(log, null)).isInstanceOf(EntryInvalid.class);
        assertThat(ledger.append(log, new byte[65_535]).join().index()).isEqualTo(3);
    }

    @Test
    void unknownLogsAndImpossibleProofRequestsAreNamed() {
        appendAll(10);
        ledger.awaitIntegrated(log, 9, WAIT);
        LogId other = new LogId(UUID.randomUUID(), "nobody");
        assertThatThrownBy(() -> ledger.size(other)).isInstanceOf(UnknownLog.class);
        assertThatThrownBy(() -> ledger.latestCheckpoint(other)).isInstanceOf(UnknownLog.class);
        assertThatThrownBy(() -> ledger.inclusionProof(log, 10, 10)).isInstanceOf(ProofRequestInvalid.class);
        assertThatThrownBy(() -> ledger.inclusionProof(log, 1, 11)).isInstanceOf(ProofRequestInvalid.class);
        assertThatThrownBy(() -> ledger.consistencyProof(log, 6, 5)).isInstanceOf(ProofRequestInvalid.class);
        assertThatThrownBy(() -> ledger.consistencyProof(log, 0, 5)).isInstanceOf(ProofRequestInvalid.class);
        assertThatThrownBy(() -> ledger.entry(log, 10)).isInstanceOf(EntryNotFound.class);
        assertThatThrownBy(() -> new LogId(UUID.randomUUID(), "bad id")).isInstanceOf(EntryInvalid.class);
        assertThat(ledger.size(log)).isEqualTo(10);
    }

    @Test
    void waitingForAnEntryThatNeverComesTimesOut() {
        appendAll(1);
        assertThatThrownBy(() -> ledger.awaitIntegrated(log, 5, Duration.ofMillis(50)))
                .isInstanceOf(IntegrationTimeout.class);
    }

    @Test
    void logsOfTwoTenantsUnderOneNameStayApart() {
        LogId mine = new LogId(UUID.randomUUID(), "shared-name");
        LogId theirs = new LogId(UUID.randomUUID(), "shared-name");
        long a = ledger.append(mine, entry(1)).join().index();
        ledger.append(theirs, entry(2)).join();
        long b = ledger.append(theirs, entry(3)).join().index();
        ledger.awaitIntegrated(mine, a, WAIT);
        ledger.awaitIntegrated(theirs, b, WAIT);
        assertThat(ledger.size(mine)).isEqualTo(1);
        assertThat(ledger.size(theirs)).isEqualTo(2);
        assertThat(ledger.entry(mine, 0)).isEqualTo(entry(1));
        assertThat(ledger.entry(theirs, 0)).isEqualTo(entry(2));
        assertThat(ledger.treeHeads()).extracting(LogQueries.TreeHead::log, LogQueries.TreeHead::size)
                .contains(org.assertj.core.groups.Tuple.tuple(mine, 1L), org.assertj.core.groups.Tuple.tuple(theirs, 2L));
    }

    @Test
    void entriesAreFoundByPendingIdWhileQueuedAndOnceSequencedButNeverInAnotherLog() {
        ledger.close(); // nothing integrates until this test says so
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        LogId other = new LogId(UUID.randomUUID(), log.value());
        List<Long> ids = storage.inTransaction(tx -> List.of(tx.addPending(log, entry(10), now),
                tx.addPending(log, entry(11), now)));
        long foreign = storage.inTransaction(tx -> tx.addPending(other, entry(12), now));
        LogQueries queries = new StoredLogQueries(storage);
        List<Long> asked = List.of(ids.get(0), ids.get(1), foreign);

        var queued = queries.entriesOfPending(log, asked);
        assertThat(queued).containsOnlyKeys(ids);
        assertThat(queued.get(ids.get(1)).entry()).isEqualTo(entry(11));
        assertThat(queued.get(ids.get(1)).index()).isNull();
        assertThat(queries.indicesOfPending(log, asked)).isEmpty();

        try (Integrator integrator = new Integrator(storage, new CheckpointSigner(SIGNER, Clock.systemUTC(), null),
                Clock.systemUTC(), LedgerConfig.defaults(), null)) {
            assertThat(integrator.integrateOnce()).isEqualTo(3);
        }
        var sequenced = queries.entriesOfPending(log, asked);
        assertThat(sequenced).containsOnlyKeys(ids);
        assertThat(sequenced.get(ids.get(0)).index()).isEqualTo(0L);
        assertThat(sequenced.get(ids.get(1)).index()).isEqualTo(1L);
        assertThat(sequenced.get(ids.get(1)).entry()).isEqualTo(entry(11));
        assertThat(queries.indicesOfPending(log, asked)).containsOnlyKeys(ids).containsEntry(ids.get(1), 1L);
        assertThat(queries.indicesOfPending(other, asked)).containsOnlyKeys(foreign).containsEntry(foreign, 0L);
    }
}
