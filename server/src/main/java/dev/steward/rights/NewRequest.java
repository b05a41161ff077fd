package dev.steward.rights;

import java.time.Instant;

/**
 * A request as received.
 *
 * @param subjectId  the customer's id of the subject, when known at receipt (else set at identity verification)
 * @param details    what the subject asked, in their words (at most 4,000 characters)
 * @param receivedAt when the request reached the customer (a letter opened yesterday); {@code null}: now
 */
public record NewRequest(RequestType type, RequestChannel channel, String subjectId, Requester requester,
        String details, Instant receivedAt) {
}
