package dev.steward.rights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request with its personal data opened for an authorised reader, its clock and its history.
 *
 * @param outcome what the fulfilment did, in words without personal data (null until fulfilled)
 */
public record SubjectRequest(UUID id, RequestType type, RequestChannel channel, RequestState state, Instant receivedAt,
        RequestClock clock, String subjectId, Requester requester, String details, String outcome,
        List<RequestEntry> history, int version) {
}
