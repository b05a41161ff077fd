package dev.steward.ledger.verify;

import java.util.List;

/**
 * Result of verifying a bundle: the checks that passed, in order, and the first failure (null when all passed).
 */
public record VerificationReport(List<String> checked, String failure) {

    public VerificationReport {
        checked = List.copyOf(checked);
    }

    public boolean ok() {
        return failure == null;
    }
}
