package dev.steward.ledger;

/** An entry queued inside a caller's transaction; it gets an index when the integrator sequences it. */
public record PendingEntry(LogId log, long pendingId) {
}
