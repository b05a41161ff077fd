package dev.steward.ledger;

/** No log with this id exists (nothing was ever appended to it). */
public class UnknownLog extends LedgerException {

    public UnknownLog(String message) {
        super(message);
    }

    public UnknownLog(String message, Throwable cause) {
        super(message, cause);
    }
}
