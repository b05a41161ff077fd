package dev.steward.ledger;

/** The in-memory append queue is full; the caller should retry later (HTTP 503 with Retry-After). */
public class LedgerPushback extends LedgerException {

    public LedgerPushback(String message) {
        super(message);
    }

    public LedgerPushback(String message, Throwable cause) {
        super(message, cause);
    }
}
