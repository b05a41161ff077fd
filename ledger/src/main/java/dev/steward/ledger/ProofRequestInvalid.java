package dev.steward.ledger;

/** A proof or read request names an index or size the log cannot answer (index beyond size, old size above new size, size beyond the integrated tree). */
public class ProofRequestInvalid extends LedgerException {

    public ProofRequestInvalid(String message) {
        super(message);
    }

    public ProofRequestInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
