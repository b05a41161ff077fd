package dev.steward.records;

import java.time.Instant;
import java.util.UUID;

/** What is known about a record without decrypting it. Holds no personal value in clear. */
public record RecordInfo(UUID id, String subjectRef, String category, RecordSource source, Purpose purpose, int version,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
