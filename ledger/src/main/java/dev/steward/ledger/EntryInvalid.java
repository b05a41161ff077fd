package dev.steward.ledger;

/** An entry or log id is missing or malformed; nothing was written. */
public class EntryInvalid extends LedgerException {

    public EntryInvalid(String message) {
        super(message);
    }

    public EntryInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
