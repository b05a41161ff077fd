package dev.steward.complaints;

import java.time.Instant;

/** A pointer from a complaint to what it is about elsewhere. */
public record ComplaintLink(ComplaintLinkKind kind, String reference, Instant linkedAt, String linkedBy) {
}
