package dev.steward.records;

import java.time.Instant;
import java.util.UUID;

/**
 * A legal hold: the subject's records (or one of them) are kept from deletion and erasure until
 * the hold is released.
 *
 * @param recordId the record held, or {@code null} when the hold covers all the subject's records
 * @param reason the legal ground, as the customer named it; shown to whoever deletes or erases
 */
public record LegalHold(UUID id, String subjectRef, UUID recordId, String reason, Instant placedAt, String placedBy) {

    /** Whether this hold keeps {@code record} (a record of the hold's subject). */
    public boolean covers(UUID record) {
        return recordId == null || recordId.equals(record);
    }
}
