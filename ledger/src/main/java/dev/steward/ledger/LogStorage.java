package dev.steward.ledger;

/**
 * Storage port of the ledger. Every read and write happens inside {@link #inTransaction}: the work
 * either commits as a whole or changes nothing.
 */
public interface LogStorage {

    /**
     * Runs {@code work} in one transaction and commits it when the work returns. If the work or the
     * commit fails, the transaction is rolled back; a {@link LedgerException} from the work is
     * rethrown as is, a storage error becomes {@link LedgerStorageFailure}. Implementations may run
     * the work again after a transient conflict (unique-key race, deadlock), so work must derive
     * everything it writes from what it reads in the transaction.
     */
    <T> T inTransaction(Work<T> work);

    /**
     * Runs read-only {@code work} that needs no consistency between its reads (typically one query),
     * possibly without a transaction of its own, which saves the commit round trip.
     * By default the same as {@link #inTransaction}.
     */
    default <T> T readOnce(Work<T> work) {
        return inTransaction(work);
    }

    /** Work done in one storage transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(StorageTransaction tx) throws Exception;
    }
}
