package dev.steward.ledger;

/** Base of the ledger's failures; each subclass names one fact the server maps to one RFC 9457 problem type. */
public abstract class LedgerException extends RuntimeException {

    protected LedgerException(String message) {
        super(message);
    }

    protected LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
