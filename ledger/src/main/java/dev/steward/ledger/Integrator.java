package dev.steward.ledger;

import dev.steward.ledger.merkle.ProofInvalid;
import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteInvalid;
import dev.steward.ledger.tiles.TreeGrowth;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Moves entries into the tree. Per log and per batch, in two transactions: first it gives pending
 * entries (queued in callers' transactions) the next indices; then it hashes sequenced entries into
 * the hash tiles, checks that the grown tree is consistent with the last signed
 * checkpoint, signs a new checkpoint and stores everything.
 *
 * <p>Guarantees: the log never signs a checkpoint inconsistent with a previous one (it throws
 * {@link CheckpointInconsistent} instead and signs nothing); two integrators on the same database
 * are safe because each transaction locks the log's row first. Runs on its own thread between
 * {@link #start()} and {@link #close()}, or step by step through {@link #integrateOnce()}.
 */
public final class Integrator implements AutoCloseable {

    private final LogStorage storage;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final LedgerConfig config;
    private final Consumer<Throwable> errors;
    private volatile boolean running;
    private Thread thread;
    private final Object wake = new Object();
    /** The checkpoint this integrator last committed per log: its signature needs no re-verification. */
    private final Map<LogId, Signed> lastSigned = new ConcurrentHashMap<>();

    private record Signed(byte[] note, long size, byte[] root) {
    }

    public Integrator(LogStorage storage, CheckpointSigner signer, Clock clock, LedgerConfig config,
            Consumer<Throwable> errors) {
        this.storage = Objects.requireNonNull(storage);
        this.signer = Objects.requireNonNull(signer);
        this.clock = Objects.requireNonNull(clock);
        this.config = Objects.requireNonNull(config);
        this.errors = errors == null ? t -> { } : errors;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("ledger-integrator").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            int done = 0;
            try {
                done = integrateOnce();
            } catch (RuntimeException e) {
                errors.accept(e);
            }
            if (done == 0) {
                synchronized (wake) {
                    try {
                        wake.wait(Math.max(1, config.integrationPollInterval().toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Wakes the integrator early (e.g. after a sequencing commit). */
    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** One pass over every log with work: sequences pending entries and integrates one batch each. Returns entries integrated. */
    public int integrateOnce() {
        List<LogId> logs = storage.inTransaction(tx -> tx.logsWithWork(1000));
        int total = 0;
        for (LogId log : logs) {
            sequencePending(log);
            total += integrateBatch(log);
        }
        return total;
    }

    private void sequencePending(LogId log) {
        storage.inTransaction(tx -> {
            List<StorageTransaction.Pending> pending = tx.pending(log, config.integrationBatchSize());
            if (pending.isEmpty()) {
                return null;
            }
            var now = clock.instant();
            long first = tx.lockSequence(log, now);
            // Re-read under the lock: another integrator may have taken these entries meanwhile.
            pending = tx.pending(log, config.integrationBatchSize());
            if (pending.isEmpty()) {
                return null;
            }
            List<Long> ids = pending.stream().map(StorageTransaction.Pending::pendingId).toList();
            tx.insertSequenced(log, first, pending.stream().map(StorageTransaction.Pending::entry).toList(), ids, now);
            tx.deletePending(log, ids);
            tx.updateSequence(log, first + ids.size(), now);
            return null;
        });
    }

    private int integrateBatch(LogId log) {
        Signed[] signed = {null};
        int done = storage.inTransaction(tx -> {
            signed[0] = null;
            LogState state = tx.lockTree(log).orElse(null);
            if (state == null) {
                return 0;
            }
            long size = state.treeSize();
            List<byte[]> entries = tx.sequenced(log, size, config.integrationBatchSize());
            if (entries.isEmpty()) {
                return 0;
            }
            TreeGrowth growth = new TreeGrowth((l, i) -> tx.tile(log, l, i), null, size);
            growth.append(entries);
            byte[] root = growth.root();
            if (size > 0) {
                requireConsistent(log, state, growth, root);
            }
            growth.changedTiles().forEach((k, v) -> tx.putTile(log, k.level(), k.index(), v));
            byte[] note = signer.sign(log, growth.size(), root);
            var now = clock.instant();
            tx.updateTree(log, growth.size(), root, note, now);
            tx.addCheckpoint(log, growth.size(), note, now);
            signed[0] = new Signed(note, growth.size(), root);
            return entries.size();
        });
        if (signed[0] != null) {
            lastSigned.put(log, signed[0]);
        }
        return done;
    }

    private void requireConsistent(LogId log, LogState state, TreeGrowth growth, byte[] root) {
        try {
            long previousSize;
            byte[] previousRoot;
            Signed mine = lastSigned.get(log);
            if (mine != null && MessageDigest.isEqual(mine.note(), state.checkpoint())) {
                // The very note this integrator signed and committed: its signature holds by construction.
                previousSize = mine.size();
                previousRoot = mine.root();
            } else {
                Checkpoint previous = Checkpoint.open(state.checkpoint(), signer.signer().verifier());
                previousSize = previous.size();
                previousRoot = previous.rootHash();
            }
            if (previousSize != state.treeSize() || !MessageDigest.isEqual(previousRoot, state.rootHash())) {
                throw new CheckpointInconsistent("stored tree state of " + log + " differs from its last checkpoint");
            }
            ProofVerifier.verifyConsistency(previousSize, growth.size(), growth.consistencyFromStart(),
                    previousRoot, root);
        } catch (ProofInvalid | NoteInvalid | IllegalStateException e) {
            throw new CheckpointInconsistent("refusing to sign: tree of " + log + " is not consistent with its "
                    + "last checkpoint (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        nudge();
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
