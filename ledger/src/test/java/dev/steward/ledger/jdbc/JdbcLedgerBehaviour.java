package dev.steward.ledger.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ledger.CheckpointSigner;
import dev.steward.ledger.EntryTooLarge;
import dev.steward.ledger.InclusionProof;
import dev.steward.ledger.IntegrationTimeout;
import dev.steward.ledger.Integrator;
import dev.steward.ledger.LedgerBehaviour;
import dev.steward.ledger.LedgerConfig;
import dev.steward.ledger.LogStorage;
import dev.steward.ledger.PendingEntry;
import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.note.Checkpoint;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Ledger behaviour on a JDBC database, plus what only JDBC offers: appends inside the caller's transaction. */
abstract class JdbcLedgerBehaviour extends LedgerBehaviour {

    protected DataSource dataSource;

    protected abstract DataSource newDataSource() throws Exception;

    @Override
    protected LogStorage newStorage() throws Exception {
        dataSource = newDataSource();
        return new JdbcLogStorage(dataSource, Clock.systemUTC());
    }

    private JdbcLogStorage jdbc() {
        return (JdbcLogStorage) storage;
    }

    @Test
    void aLargeSequencedBatchIsStoredByteForByteWhicheverWayTheDatabaseIsWritten() {
        // 1,000 entries take the binary COPY path on PostgreSQL and multi-row INSERTs on H2.
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            entries.add(i % 7 == 0 ? new byte[0] : entry(i));
        }
        var batchLog = new dev.steward.ledger.LogId(log.tenant(), "batch-" + log.value());
        storage.inTransaction(tx -> {
            var now = Clock.systemUTC().instant();
            long first = tx.lockSequence(batchLog, now);
            tx.insertSequenced(batchLog, first, entries, null, now);
            tx.updateSequence(batchLog, first + entries.size(), now);
            return null;
        });
        List<byte[]> stored = storage.inTransaction(tx -> tx.sequenced(batchLog, 0, 2000));
        assertThat(stored).hasSize(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(stored.get(i)).as("entry %d", i).isEqualTo(entries.get(i));
        }
    }

    @Test
    void anEntryQueuedInACommittedCallerTransactionIsIntegratedAndProved() throws Exception {
        PendingEntry pending;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            pending = jdbc().appendInTransaction(c, log, entry(42));
            assertThat(c.isClosed()).isFalse();
            c.commit();
        }
        InclusionProof proof = ledger.awaitIntegrated(pending, WAIT);
        Checkpoint cp = Checkpoint.open(proof.checkpoint(), SIGNER.verifier());
        ProofVerifier.verifyInclusion(Rfc6962.leafHash(entry(42)), proof.index(), cp.size(), proof.hashes(),
                cp.rootHash());
        assertThat(ledger.entry(log, proof.index())).isEqualTo(entry(42));
    }

    @Test
    void entriesQueuedAsOneBatchAreIntegratedInTheirOrder() throws Exception {
        List<PendingEntry> pending;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            pending = jdbc().appendAllInTransaction(c, log, List.of(entry(7), entry(8), entry(9)));
            c.commit();
        }
        assertThat(pending).hasSize(3);
        long first = ledger.awaitIntegrated(pending.get(0), WAIT).index();
        for (int i = 0; i < 3; i++) {
            long index = ledger.awaitIntegrated(pending.get(i), WAIT).index();
            assertThat(index).isEqualTo(first + i);
            assertThat(ledger.entry(log, index)).isEqualTo(entry(7 + i));
        }
    }

    @Test
    void anEntryQueuedInARolledBackCallerTransactionLeavesNoTrace() throws Exception {
        PendingEntry pending;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            pending = jdbc().appendInTransaction(c, log, entry(1));
            c.rollback();
        }
        assertThatThrownBy(() -> ledger.awaitIntegrated(pending, Duration.ofMillis(200)))
                .isInstanceOf(IntegrationTimeout.class);
        boolean exists = storage.inTransaction(tx -> tx.exists(log));
        assertThat(exists).isFalse();
    }

    @Test
    void anOversizedEntryInACallerTransactionIsRefusedBeforeTouchingTheConnection() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> jdbc().appendInTransaction(c, log, new byte[70_000]))
                    .isInstanceOf(EntryTooLarge.class);
            c.commit();
        }
        List<dev.steward.ledger.LogId> work = storage.inTransaction(tx -> tx.logsWithWork(10));
        assertThat(work).isEmpty();
    }

    @Test
    void twoIntegratorsOnOneDatabaseBuildOneConsistentLog() throws Exception {
        List<PendingEntry> pendings = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < 500; i++) {
                pendings.add(jdbc().appendInTransaction(c, log, entry(i)));
            }
            c.commit();
        }
        LedgerConfig small = new LedgerConfig(64, Duration.ZERO, 1000, 37, Duration.ofMillis(1));
        CheckpointSigner signer = new CheckpointSigner(SIGNER, Clock.systemUTC(), null);
        try (Integrator second = new Integrator(storage, signer, Clock.systemUTC(), small, Throwable::printStackTrace)) {
            second.start();
            CompletableFuture<?> more = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 50; i++) {
                    second.integrateOnce();
                }
            });
            InclusionProof last = null;
            for (PendingEntry p : pendings) {
                last = ledger.awaitIntegrated(p, WAIT);
            }
            more.join();
            Checkpoint cp = Checkpoint.open(ledger.latestCheckpoint(log).orElseThrow(), SIGNER.verifier());
            assertThat(cp.size()).isEqualTo(500);
            List<byte[]> seen = new ArrayList<>();
            for (long i = 0; i < 500; i++) {
                seen.add(ledger.entry(log, i));
            }
            assertThat(seen).extracting(String::new).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.range(0, 500).mapToObj(i -> new String(entry(i))).toList());
            assertThat(last).isNotNull();
        }
    }
}
