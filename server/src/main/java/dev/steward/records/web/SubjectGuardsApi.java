package dev.steward.records.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.platform.Callers;
import dev.steward.platform.InvalidField;
import dev.steward.records.FlagChange;
import dev.steward.records.LegalHold;
import dev.steward.records.LegalHolds;
import dev.steward.records.NewHold;
import dev.steward.records.ProcessingFlags;
import dev.steward.records.SubjectFlags;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the access guards honour about one subject: its restriction and objection flags, and its
 * legal holds. The {@code rights} feature sets them once the customer decides a request; the
 * customer's systems may set them directly.
 */
@RestController
@RequestMapping("/api/v1")
class SubjectGuardsApi {

    private static final Set<String> FLAG_FIELDS = Set.of("restricted", "objected");

    private final SubjectFlags flags;
    private final LegalHolds holds;
    private final JsonMapper json;

    SubjectGuardsApi(SubjectFlags flags, LegalHolds holds, JsonMapper json) {
        this.flags = flags;
        this.holds = holds;
        this.json = json;
    }

    @Schema(description = "A subject's restriction of processing and objection to legitimate-interest processing")
    record FlagsView(boolean restricted, boolean objected,
            @Schema(description = "since when processing is restricted; absent when not") Instant restrictedSince,
            @Schema(description = "since when the subject objects; absent when not") Instant objectedSince) {

        static FlagsView of(ProcessingFlags f) {
            return new FlagsView(f.restricted(), f.objected(), f.restrictedSince(), f.objectedSince());
        }
    }

    @Schema(description = "Flags to set (true) or clear (false); an absent flag stays as it is")
    record FlagsBody(Boolean restricted, Boolean objected) {
    }

    @Schema(description = "A legal hold to place", requiredProperties = "reason")
    record HoldBody(@Schema(description = "the legal ground: a case, a statute, an authority's order (1-500 characters)")
            String reason,
            @Schema(description = "one record of the subject to hold; all its records when absent") UUID recordId) {
    }

    record HoldView(UUID id, String subjectRef,
            @Schema(description = "the record held; absent when the hold covers all the subject's records") UUID recordId,
            String reason, Instant placedAt, String placedBy) {

        static HoldView of(LegalHold h) {
            return new HoldView(h.id(), h.subjectRef(), h.recordId(), h.reason(), h.placedAt(), h.placedBy());
        }
    }

    @GetMapping("/subjects/{subjectId}/processing-flags")
    FlagsView flags(@PathVariable String subjectId) {
        return FlagsView.of(flags.of(Callers.current(), subjectId));
    }

    @PatchMapping("/subjects/{subjectId}/processing-flags")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = FlagsBody.class)))
    FlagsView changeFlags(@PathVariable String subjectId, HttpServletRequest request) throws IOException {
        JsonNode body = RequestBodies.envelope(json, request.getInputStream());
        for (String field : body.propertyNames()) {
            if (!FLAG_FIELDS.contains(field)) {
                throw new InvalidField(field, "is not a processing flag (restricted, objected)");
            }
        }
        FlagChange change = new FlagChange(flag(body, "restricted"), flag(body, "objected"));
        if (change.restricted() == null && change.objected() == null) {
            throw new InvalidField("restricted", "name restricted or objected, true or false");
        }
        return FlagsView.of(flags.change(Callers.current(), subjectId, change));
    }

    @GetMapping("/subjects/{subjectId}/legal-holds")
    List<HoldView> holds(@PathVariable String subjectId) {
        return holds.ofSubject(Callers.current(), subjectId).stream().map(HoldView::of).toList();
    }

    @PostMapping("/subjects/{subjectId}/legal-holds")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = HoldBody.class)))
    @ApiResponse(responseCode = "201", description = "Placed; Location names the hold")
    ResponseEntity<HoldView> placeHold(@PathVariable String subjectId, HttpServletRequest request) throws IOException {
        JsonNode body = RequestBodies.envelope(json, request.getInputStream());
        String record = RequestBodies.text(body, "recordId");
        UUID recordId;
        try {
            recordId = record == null ? null : UUID.fromString(record);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("recordId", "must be a UUID");
        }
        HoldView placed = HoldView.of(holds.place(Callers.current(), subjectId,
                new NewHold(RequestBodies.text(body, "reason"), recordId)));
        return ResponseEntity.created(URI.create("/api/v1/legal-holds/" + placed.id())).body(placed);
    }

    @DeleteMapping("/legal-holds/{holdId}")
    @ApiResponse(responseCode = "204", description = "Released")
    ResponseEntity<Void> releaseHold(@PathVariable UUID holdId) {
        holds.release(Callers.current(), holdId);
        return ResponseEntity.noContent().build();
    }

    private static Boolean flag(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidField(field, "must be true or false");
        }
        return v.asBoolean();
    }
}
