package dev.steward.records.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.steward.records.ErasureOutcome;
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
        return new RecordView(i.id(), i.subjectRef(), i.category(), i.source(), i.purpose().name(), i.version(),
                i.createdAt(), i.createdBy(), i.updatedAt(), i.updatedBy(), null);
    }

    static RecordView of(RevealedRecord r) {
        RecordInfo i = r.info();
        return new RecordView(i.id(), i.subjectRef(), i.category(), i.source(), i.purpose().name(), i.version(),
                i.createdAt(), i.createdBy(), i.updatedAt(), i.updatedBy(), r.documentJson());
    }

    record VersionView(int version, String category, RecordSource source, String purpose, Instant writtenAt,
            String writtenBy, @Schema(implementation = Map.class)
            @JsonRawValue String document) {

        static VersionView of(RevealedVersion v) {
            return new VersionView(v.version(), v.category(), v.source(), v.purpose().name(), v.writtenAt(), v.writtenBy(),
                    v.documentJson());
        }
    }

    /**
     * An erasure's answer: the receipt of a complete erasure; for a partial one (legal holds) no
     * receipt, {@code complete} false, and what was kept and why.
     */
    record ErasureView(@Schema(description = "the erasure receipt; absent when the erasure is partial") UUID receiptId,
            String kind, String subjectRef, Instant erasedAt, String journalHash,
            @Schema(description = "false when legal holds kept records (and the key that reads them)") boolean complete,
            @Schema(description = "the holds that kept records, with their reasons") List<KeptView> kept,
            @Schema(description = "records deleted now (a complete erasure's rows are unreadable at once and purged"
                    + " in the background)") int recordsDeleted,
            @Schema(description = "records still stored under the holds") long recordsKept) {

        static ErasureView of(ErasureOutcome o) {
            List<KeptView> kept = o.kept().stream().map(k -> new KeptView(k.holdId(), k.recordId(), k.reason())).toList();
            return o.receiptIfComplete().map(r -> new ErasureView(r.id(), r.kind().name(),
                    r.subjectRef().map(Object::toString).orElse(null), r.erasedAt(), r.journalHash(), true, kept,
                    o.recordsDeleted(), o.recordsKept()))
                    .orElseGet(() -> new ErasureView(null, null, null, null, null, false, kept, o.recordsDeleted(),
                            o.recordsKept()));
        }
    }

    /** A legal hold that kept records of an erased subject: all of them ({@code recordId} absent) or one. */
    record KeptView(UUID holdId, UUID recordId, String reason) {
    }
}
