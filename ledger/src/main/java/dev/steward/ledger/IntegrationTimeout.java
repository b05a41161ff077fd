package dev.steward.ledger;

/** An entry was not integrated within the time the caller was willing to wait; it may still be integrated later. */
public class IntegrationTimeout extends LedgerException {

    public IntegrationTimeout(String message) {
        super(message);
    }

    public IntegrationTimeout(String message, Throwable cause) {
        super(message, cause);
    }
}
