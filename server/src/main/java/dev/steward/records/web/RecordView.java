package dev.steward.records.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.steward.records.RecordInfo;
import dev.steward.records.RecordSource;
import dev.steward.records.RevealedRecord;
import dev.steward.records.RevealedVersion;

/** A record as the API shows it; {@code document} only when it was read for a purpose. */
record RecordView(UUID id, String subjectRef, String category, RecordSource source, String purpose, int version,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        @Schema(implementation = Map.class, description = "the personal data, only when read for a purpose")
        @JsonRawValue String document) {

    static RecordView of(RecordInfo i) {
        return new RecordView(i.id(), i.subjectRef(), i.category(), i.source(), i.purpose(), i.version(), i.createdAt(),
                i.createdBy(), i.updatedAt(), i.updatedBy(), null);
    }

    static RecordView of(RevealedRecord r) {
        RecordInfo i = r.info();
        return new RecordView(i.id(), i.subjectRef(), i.category(), i.source(), i.purpose(), i.version(), i.createdAt(),
                i.createdBy(), i.updatedAt(), i.updatedBy(), r.documentJson());
    }

    record VersionView(int version, String category, RecordSource source, String purpose, Instant writtenAt,
            String writtenBy, @Schema(implementation = Map.class)
            @JsonRawValue String document) {

        static VersionView of(RevealedVersion v) {
            return new VersionView(v.version(), v.category(), v.source(), v.purpose(), v.writtenAt(), v.writtenBy(),
                    v.documentJson());
        }
    }

    record ErasureView(UUID receiptId, String kind, String subjectRef, Instant erasedAt, String journalHash) {

        static ErasureView of(dev.steward.keys.ErasureReceipt r) {
            return new ErasureView(r.id(), r.kind().name(), r.subjectRef().map(Object::toString).orElse(null),
                    r.erasedAt(), r.journalHash());
        }
    }
}
