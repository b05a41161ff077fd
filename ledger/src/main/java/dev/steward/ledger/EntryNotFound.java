package dev.steward.ledger;

/** The requested entry, tile or entry bundle is not (yet) part of the integrated tree. */
public class EntryNotFound extends LedgerException {

    public EntryNotFound(String message) {
        super(message);
    }

    public EntryNotFound(String message, Throwable cause) {
        super(message, cause);
    }
}
