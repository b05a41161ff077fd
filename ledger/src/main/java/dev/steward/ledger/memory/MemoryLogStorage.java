package dev.steward.ledger.memory;

import dev.steward.ledger.LedgerException;
import dev.steward.ledger.LedgerStorageFailure;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogStorage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-memory storage for tests and tools: one transaction at a time (a global lock); a transaction
 * that fails is undone, so nothing changes on error. Nothing survives the JVM.
 */
public final class MemoryLogStorage implements LogStorage {

    private final ReentrantLock lock = new ReentrantLock();
    private final MemoryState state = new MemoryState();

    @Override
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            MemoryTransaction tx = new MemoryTransaction(state);
            try {
                return work.run(tx);
            } catch (Throwable t) {
                tx.undo();
                if (t instanceof LedgerException e) {
                    throw e;
                }
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                if (t instanceof Error e) {
                    throw e;
                }
                throw new LedgerStorageFailure("ledger work failed: " + t.getMessage(), t);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the log exists, for tests. */
    public boolean exists(LogId log) {
        return inTransaction(tx -> tx.exists(log));
    }
}
