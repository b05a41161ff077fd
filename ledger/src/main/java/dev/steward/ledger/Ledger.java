package dev.steward.ledger;

import dev.steward.ledger.note.NoteSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The ledger put together: a {@link Sequencer} for durable high-throughput appends, an
 * {@link Integrator} building tiles and signing checkpoints, a {@link LogReader} and {@link LogQueries}.
 * {@link #start()} starts both threads; {@link #close()} stops them after committing what is queued.
 */
public final class Ledger implements LogReader, LogQueries, AutoCloseable {

    private final LogStorage storage;
    private final Sequencer sequencer;
    private final Integrator integrator;
    private final TileLogReader reader;
    private final CheckpointSigner checkpoints;
    private final LogQueries queries;

    public Ledger(LogStorage storage, NoteSigner signer, Clock clock, Supplier<String> clockOffset,
            LedgerConfig config, Consumer<Throwable> integrationErrors) {
        this.storage = Objects.requireNonNull(storage);
        this.checkpoints = new CheckpointSigner(signer, clock, clockOffset);
        this.integrator = new Integrator(storage, checkpoints, clock, config, integrationErrors);
        this.sequencer = new Sequencer(storage, clock, config, integrator::nudge);
        this.reader = new TileLogReader(storage);
        this.queries = new StoredLogQueries(storage);
    }

    /** A ledger with default tuning, the system UTC clock and an unmeasured clock offset. */
    public Ledger(LogStorage storage, NoteSigner signer) {
        this(storage, signer, Clock.systemUTC(), null, LedgerConfig.defaults(), null);
    }

    public Ledger start() {
        sequencer.start();
        integrator.start();
        return this;
    }

    /** See {@link Sequencer#append}: completes after the durable commit with the entry's index. */
    public CompletableFuture<SequencedEntry> append(LogId log, byte[] entry) {
        return sequencer.append(log, entry);
    }

    public Integrator integrator() {
        return integrator;
    }

    /** The install key's verifier key, which co-signs every checkpoint of every log. */
    public String vkey() {
        return checkpoints.signer().vkey();
    }

    /** The verifier key of {@code log}: its own key, named its origin. */
    public String vkey(LogId log) {
        return checkpoints.logKey(log).vkey();
    }

    /** {@code note}, a checkpoint of {@code log}, with the log key's signature (see {@link CheckpointSigner#attest}). */
    public byte[] attest(LogId log, byte[] note) {
        return checkpoints.attest(log, note);
    }

    /** The checkpoint origin line of {@code log}. */
    public String origin(LogId log) {
        return checkpoints.origin(log);
    }

    /**
     * Waits until entry {@code index} is integrated and returns its proof against the latest checkpoint.
     *
     * @throws IntegrationTimeout if it is not integrated within {@code timeout}
     */
    public InclusionProof awaitIntegrated(LogId log, long index, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (true) {
            Optional<LogState> s = storage.inTransaction(tx -> tx.readTree(log));
            if (s.isPresent() && s.get().treeSize() > index) {
                long size = s.get().treeSize();
                return reader.inclusionProof(log, index, size);
            }
            pause = waitOrGiveUp(deadline, pause, "entry " + index + " of " + log);
        }
    }

    /** Waits until a pending entry (queued in a caller's transaction) is integrated; returns its proof. */
    public InclusionProof awaitIntegrated(PendingEntry pending, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (true) {
            OptionalLong index = storage.inTransaction(tx -> tx.indexOfPending(pending.log(), pending.pendingId()));
            if (index.isPresent()) {
                return awaitIntegrated(pending.log(), index.getAsLong(),
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            pause = waitOrGiveUp(deadline, pause, "pending entry " + pending.pendingId() + " of " + pending.log());
        }
    }

    private long waitOrGiveUp(long deadline, long pause, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IntegrationTimeout(what + " was not integrated in time");
        }
        integrator.nudge();
        try {
            Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationTimeout("interrupted while waiting for " + what);
        }
        return Math.min(pause * 2, 50);
    }

    @Override
    public long size(LogId log) {
        return reader.size(log);
    }

    @Override
    public Optional<byte[]> latestCheckpoint(LogId log) {
        return reader.latestCheckpoint(log);
    }

    @Override
    public Optional<byte[]> checkpoint(LogId log, long treeSize) {
        return reader.checkpoint(log, treeSize);
    }

    @Override
    public byte[] tile(LogId log, int level, long index, int width) {
        return reader.tile(log, level, index, width);
    }

    @Override
    public byte[] entryBundle(LogId log, long index, int width) {
        return reader.entryBundle(log, index, width);
    }

    @Override
    public byte[] entry(LogId log, long index) {
        return reader.entry(log, index);
    }

    @Override
    public InclusionProof inclusionProof(LogId log, long index, long treeSize) {
        return reader.inclusionProof(log, index, treeSize);
    }

    @Override
    public List<byte[]> consistencyProof(LogId log, long size1, long size2) {
        return reader.consistencyProof(log, size1, size2);
    }

    @Override
    public Map<Long, Long> indicesOfPending(LogId log, Collection<Long> pendingIds) {
        return queries.indicesOfPending(log, pendingIds);
    }

    @Override
    public Map<Long, QueuedEntry> entriesOfPending(LogId log, Collection<Long> pendingIds) {
        return queries.entriesOfPending(log, pendingIds);
    }

    @Override
    public List<TreeHead> treeHeads() {
        return queries.treeHeads();
    }

    @Override
    public void close() {
        sequencer.close();
        integrator.close();
    }
}
