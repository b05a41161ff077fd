package dev.steward.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * One of a requester's own requests as the self-service page shows it to them: no personal data,
 * no staff notes (what they were asked or told reached them by email).
 *
 * @param outcome what the fulfilment did, in words without personal data, or null
 */
public record OwnRequest(UUID id, RequestType type, RequestState state, Instant receivedAt, RequestClock clock,
        String outcome) {
}
