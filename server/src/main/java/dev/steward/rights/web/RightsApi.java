package dev.steward.rights.web;

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

import dev.steward.platform.Callers;
import dev.steward.platform.InvalidField;
import dev.steward.rights.Correction;
import dev.steward.rights.NewRequest;
import dev.steward.rights.RequestChannel;
import dev.steward.rights.RequestSummary;
import dev.steward.rights.RequestType;
import dev.steward.rights.Requester;
import dev.steward.rights.RightsRequests;
import dev.steward.rights.SubjectRequest;
import tools.jackson.databind.JsonNode;

/**
 * Data-subject requests for the customer's systems: record one received, follow its clock, take
 * its steps. The platform carries out an approved request at once.
 */
@RestController
@RequestMapping("/api/v1/rights/requests")
class RightsApi {

    private final RightsRequests requests;

    RightsApi(RightsRequests requests) {
        this.requests = requests;
    }

    @Schema(description = "Who asked, as they gave it")
    record RequesterBody(String name, String email) {
    }

    @Schema(description = "A request received", requiredProperties = "type")
    record NewRequestBody(
            @Schema(description = "access, rectification, erasure, restriction, objection or portability") String type,
            @Schema(description = "the customer's id of the subject, if known") String subjectId,
            @Schema(description = "api (default), email, phone or letter") String channel,
            RequesterBody requester,
            @Schema(description = "what was asked, in the requester's words") String details,
            @Schema(description = "when it was received, if not now (at most 90 days ago)") Instant receivedAt) {
    }

    record MessageBody(String message) {
    }

    record IdentityBody(@Schema(description = "the customer's id of the subject") String subjectId) {
    }

    @Schema(description = "A correction of a rectification: the subject's record and its corrected document",
            requiredProperties = {"recordId", "document"})
    record CorrectionBody(@Schema(description = "the record's id") String recordId,
            @Schema(description = "the record's corrected document, a JSON object") JsonNode document) {
    }

    @Schema(description = "The customer's decision", requiredProperties = "outcome")
    record DecisionBody(@Schema(description = "approve, reject or clarify") String outcome,
            @Schema(description = "rejection: the reason told to the requester; clarify: the question;"
                    + " approve: an optional note told with the result") String reason,
            @Schema(description = "approve of a rectification: the corrections to apply (required then)")
            List<CorrectionBody> corrections) {
    }

    @Schema(description = "A retried fulfilment; a rectification names its corrections again")
    record FulfilmentBody(List<CorrectionBody> corrections) {
    }

    record ClarificationBody(String clarification) {
    }

    @Schema(description = "One extension of the deadline", requiredProperties = {"months", "reason"})
    record ExtensionBody(@Schema(description = "1 or 2 further months") Integer months,
            @Schema(description = "why, told to the requester") String reason) {
    }

    record RequestList(List<RequestSummary> items) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Recorded; Location names the request")
    ResponseEntity<SubjectRequest> receive(@RequestBody NewRequestBody body) {
        if (body == null) {
            throw new InvalidField("type", "is required");
        }
        Requester who = body.requester() == null ? Requester.NONE
                : Requester.of(body.requester().name(), body.requester().email(), "requester.");
        SubjectRequest r = requests.receive(Callers.current(), new NewRequest(RequestType.named(body.type(), "type"),
                RequestChannel.recorded(body.channel(), "channel"), body.subjectId(), who, body.details(),
                body.receivedAt()));
        return ResponseEntity.created(URI.create("/api/v1/rights/requests/" + r.id())).body(r);
    }

    @GetMapping
    RequestList list(@RequestParam(defaultValue = "open") String state) {
        if (!state.equals("open") && !state.equals("all")) {
            throw new InvalidField("state", "must be open or all");
        }
        return new RequestList(requests.list(Callers.current(), state.equals("open")));
    }

    @GetMapping("/{requestId}")
    SubjectRequest get(@PathVariable UUID requestId) {
        return requests.get(Callers.current(), requestId);
    }

    @PostMapping("/{requestId}/identity-request")
    SubjectRequest askForIdentity(@PathVariable UUID requestId, @RequestBody MessageBody body) {
        return requests.askForIdentity(Callers.current(), requestId, body == null ? null : body.message());
    }

    @PostMapping("/{requestId}/identity")
    SubjectRequest verifyIdentity(@PathVariable UUID requestId, @RequestBody(required = false) IdentityBody body) {
        return requests.verifyIdentity(Callers.current(), requestId, body == null ? null : body.subjectId());
    }

    @PostMapping("/{requestId}/decision")
    SubjectRequest decide(@PathVariable UUID requestId, @RequestBody DecisionBody body) {
        String outcome = body == null || body.outcome() == null ? "" : body.outcome().strip();
        return switch (outcome) {
            case "approve" -> requests.approve(Callers.current(), requestId, body.reason(),
                    corrections(body.corrections()));
            case "reject" -> requests.reject(Callers.current(), requestId, body.reason());
            case "clarify" -> requests.askForClarification(Callers.current(), requestId, body.reason());
            default -> {
                requests.get(Callers.current(), requestId); // another tenant's request stays a 404
                throw new InvalidField("outcome", "must be approve, reject or clarify");
            }
        };
    }

    @PostMapping("/{requestId}/clarification")
    SubjectRequest clarified(@PathVariable UUID requestId, @RequestBody ClarificationBody body) {
        return requests.clarified(Callers.current(), requestId, body == null ? null : body.clarification());
    }

    @PostMapping("/{requestId}/extension")
    SubjectRequest extend(@PathVariable UUID requestId, @RequestBody ExtensionBody body) {
        return requests.extend(Callers.current(), requestId, body == null ? null : body.months(),
                body == null ? null : body.reason());
    }

    @PostMapping("/{requestId}/fulfilment")
    SubjectRequest fulfil(@PathVariable UUID requestId, @RequestBody(required = false) FulfilmentBody body) {
        return requests.fulfil(Callers.current(), requestId, body == null ? null : corrections(body.corrections()));
    }

    /** As given; a missing document stays null so that the problem names it. */
    private static List<Correction> corrections(List<CorrectionBody> bodies) {
        return bodies == null ? null : bodies.stream().map(b -> b == null ? null : new Correction(b.recordId(),
                b.document() == null || b.document().isNull() ? null : b.document().toString())).toList();
    }

    @PostMapping("/{requestId}/closure")
    SubjectRequest close(@PathVariable UUID requestId) {
        return requests.close(Callers.current(), requestId);
    }
}
