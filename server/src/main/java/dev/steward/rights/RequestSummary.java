package dev.steward.rights;

import java.time.Instant;
import java.util.UUID;

/** A request in a list: no personal data, its clock first (lists are sorted by urgency). */
public record RequestSummary(UUID id, RequestType type, RequestChannel channel, RequestState state,
        Instant receivedAt, RequestClock clock) {
}
