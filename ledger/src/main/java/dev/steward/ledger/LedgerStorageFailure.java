package dev.steward.ledger;

/** The storage failed (database error); the transaction was rolled back and nothing changed. */
public class LedgerStorageFailure extends LedgerException {

    public LedgerStorageFailure(String message) {
        super(message);
    }

    public LedgerStorageFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
