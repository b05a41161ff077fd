package dev.steward.complaints.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.complaints.Complainant;
import dev.steward.complaints.Complaint;
import dev.steward.complaints.ComplaintChannel;
import dev.steward.complaints.ComplaintSummary;
import dev.steward.complaints.Complaints;
import dev.steward.complaints.NewComplaint;
import dev.steward.platform.Callers;
import dev.steward.platform.InvalidField;

/**
 * Complaints for customer and provider staff: record one received by email or post, follow its
 * deadline, take its steps. Every step may name the complaint's {@code version}; a step on a version
 * that is no longer current is refused ({@code complaint-changed-meanwhile}).
 */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintsApi {

    private final Complaints complaints;

    ComplaintsApi(Complaints complaints) {
        this.complaints = complaints;
    }

    @Schema(description = "Who complained, as they gave it: a name, an email address, or both")
    record ComplainantBody(String name, String email) {
    }

    @Schema(description = "A complaint received by email or post", requiredProperties = {"channel", "complainant", "text"})
    record NewComplaintBody(@Schema(description = "email or post") String channel, ComplainantBody complainant,
            @Schema(description = "what the complainant wrote, in their words (at most 8,000 characters)") String text,
            @Schema(description = "when it arrived, if not now (at most 90 days ago)") Instant receivedAt,
            @Schema(description = "provider compliance staff: the customer tenant it concerns (none: the provider)")
            UUID tenantId) {
    }

    @Schema(description = "A step that carries nothing but the version it was taken on")
    record VersionBody(@Schema(description = "the complaint's version the step was taken on (optional)") Integer version) {
    }

    @Schema(description = "A note of the investigation, seen by staff only", requiredProperties = "note")
    record NoteBody(String note, Integer version) {
    }

    @Schema(description = "What the complaint is about elsewhere", requiredProperties = {"kind", "reference"})
    record LinkBody(@Schema(description = "request, incident or record") String kind,
            @Schema(description = "the request's or record's id, or the incident's reference") String reference,
            Integer version) {
    }

    @Schema(description = "The answer told to the complainant", requiredProperties = {"outcome", "response"})
    record ComplaintAnswerBody(@Schema(description = "upheld, partly-upheld or not-upheld") String outcome,
            @Schema(description = "the answer, sent to the complainant (at most 3,000 characters)") String response,
            Integer version) {
    }

    @Schema(description = "The complainant withdrew the complaint")
    record WithdrawalBody(@Schema(description = "how they withdrew it (optional)") String note, Integer version) {
    }

    record ComplaintList(List<ComplaintSummary> items) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Recorded; Location names the complaint")
    ResponseEntity<Complaint> record(@RequestBody NewComplaintBody body) {
        if (body == null) {
            throw new InvalidField("channel", "is required: email or post");
        }
        ComplaintChannel channel = ComplaintChannel.recorded(body.channel(), "channel");
        if (body.complainant() == null) {
            throw new InvalidField("complainant.name", "give the complainant's name or email address");
        }
        Complainant who = Complainant.of(body.complainant().name(), body.complainant().email(), "complainant.");
        Complaint c = complaints.record(Callers.current(), new NewComplaint(channel, who, body.text(), body.receivedAt(),
                body.tenantId()));
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + c.id())).body(c);
    }

    @GetMapping
    ComplaintList list(@RequestParam(defaultValue = "open") String state) {
        if (!state.equals("open") && !state.equals("all")) {
            throw new InvalidField("state", "must be open or all");
        }
        return new ComplaintList(complaints.list(Callers.current(), state.equals("open")));
    }

    @GetMapping("/{complaintId}")
    Complaint get(@PathVariable UUID complaintId) {
        return complaints.get(Callers.current(), complaintId);
    }

    @PostMapping("/{complaintId}/investigation")
    Complaint startInvestigation(@PathVariable UUID complaintId, @RequestBody(required = false) VersionBody body) {
        return complaints.startInvestigation(Callers.current(), complaintId, body == null ? null : body.version());
    }

    @PostMapping("/{complaintId}/notes")
    Complaint note(@PathVariable UUID complaintId, @RequestBody(required = false) NoteBody body) {
        NoteBody b = body == null ? new NoteBody(null, null) : body;
        return complaints.note(Callers.current(), complaintId, b.note(), b.version());
    }

    @PostMapping("/{complaintId}/links")
    Complaint link(@PathVariable UUID complaintId, @RequestBody(required = false) LinkBody body) {
        LinkBody b = body == null ? new LinkBody(null, null, null) : body;
        return complaints.link(Callers.current(), complaintId, b.kind(), b.reference(), b.version());
    }

    @PostMapping("/{complaintId}/response")
    Complaint respond(@PathVariable UUID complaintId, @RequestBody(required = false) ComplaintAnswerBody body) {
        ComplaintAnswerBody b = body == null ? new ComplaintAnswerBody(null, null, null) : body;
        return complaints.respond(Callers.current(), complaintId, b.outcome(), b.response(), b.version());
    }

    @PostMapping("/{complaintId}/withdrawal")
    Complaint withdraw(@PathVariable UUID complaintId, @RequestBody(required = false) WithdrawalBody body) {
        WithdrawalBody b = body == null ? new WithdrawalBody(null, null) : body;
        return complaints.withdraw(Callers.current(), complaintId, b.note(), b.version());
    }

    @PostMapping("/{complaintId}/closure")
    Complaint close(@PathVariable UUID complaintId, @RequestBody(required = false) VersionBody body) {
        return complaints.close(Callers.current(), complaintId, body == null ? null : body.version());
    }
}
