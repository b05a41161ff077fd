package dev.steward.ledger;

/** An entry durably sequenced at {@code index}; it is in the tree once the integrator has passed it. */
public record SequencedEntry(LogId log, long index) {
}
