package dev.steward.ledger.merkle;

/** A proof, root or hash did not verify; the message says which check failed. */
public class ProofInvalid extends RuntimeException {

    public ProofInvalid(String message) {
        super(message);
    }
}
