package dev.steward.ledger;

/** An entry exceeds 65,535 bytes, the most a tlog-tiles entry bundle can hold; nothing was written. */
public class EntryTooLarge extends LedgerException {

    public EntryTooLarge(String message) {
        super(message);
    }

    public EntryTooLarge(String message, Throwable cause) {
        super(message, cause);
    }
}
