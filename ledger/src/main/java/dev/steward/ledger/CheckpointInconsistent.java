package dev.steward.ledger;

/** The tree grown from storage is not consistent with the last signed checkpoint; the log refuses to sign and stops integrating. */
public class CheckpointInconsistent extends LedgerException {

    public CheckpointInconsistent(String message) {
        super(message);
    }

    public CheckpointInconsistent(String message, Throwable cause) {
        super(message, cause);
    }
}
