package dev.steward.records;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.steward.keys.ErasureReceipt;

/**
 * What the erasure of a subject did. Complete: the subject's key is destroyed (the receipt proves
 * it) and nothing was kept. Partial: legal holds keep some or all of the subject's records, and so
 * the key that reads them; every record no hold covers was deleted; {@link #kept} says what was kept
 * and why. Erasing again once the holds are released completes it.
 *
 * @param receipt the erasure receipt, or {@code null} when the erasure is partial
 * @param kept the holds that kept records, empty when complete
 * @param recordsDeleted records deleted by this act ({@code 0} for a complete erasure: its rows are
 *        unreadable at once and purged in the background)
 * @param recordsKept records still stored, readable, under the holds
 */
public record ErasureOutcome(ErasureReceipt receipt, List<Kept> kept, int recordsDeleted, long recordsKept) {

    /** A hold that kept records: all the subject's ({@code recordId == null}) or one. */
    public record Kept(UUID holdId, UUID recordId, String reason) {
    }

    public ErasureOutcome {
        kept = List.copyOf(kept);
    }

    public static ErasureOutcome complete(ErasureReceipt receipt) {
        return new ErasureOutcome(receipt, List.of(), 0, 0);
    }

    public boolean isComplete() {
        return receipt != null;
    }

    public Optional<ErasureReceipt> receiptIfComplete() {
        return Optional.ofNullable(receipt);
    }
}
