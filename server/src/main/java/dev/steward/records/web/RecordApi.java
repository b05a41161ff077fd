package dev.steward.records.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.platform.Callers;
import dev.steward.platform.InvalidField;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.ProblemException;
import dev.steward.records.ImportReport;
import dev.steward.records.NewRecord;
import dev.steward.records.Purpose;
import dev.steward.records.RecordCorrection;
import dev.steward.records.RecordSource;
import dev.steward.records.RecordStore;
import dev.steward.records.RecordTransfer;
import dev.steward.records.RevealedRecord;
import dev.steward.records.SubjectErasure;
import dev.steward.records.web.RecordView.ErasureView;
import dev.steward.records.web.RecordView.VersionView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The personal-data records of the caller's tenant. Subjects are addressed by the customer's own
 * identifier in the path, which is turned into a pseudonym and never stored. Every read names its
 * purpose in the {@code Purpose} header or the {@code purpose} query parameter.
 */
@RestController
@RequestMapping("/api/v1")
class RecordApi {

    static final String NDJSON = "application/x-ndjson";

    private static final String EXPORT_LINES = "NDJSON, one RecordView per line, document included; "
            + "a failure after the first line ends the stream with one line {\"error\": problem}";

    private final RecordStore store;
    private final RecordTransfer transfer;
    private final SubjectErasure erasure;
    private final JsonMapper json;

    RecordApi(RecordStore store, RecordTransfer transfer, SubjectErasure erasure, JsonMapper json) {
        this.store = store;
        this.transfer = transfer;
        this.erasure = erasure;
        this.json = json;
    }

    @PostMapping("/subjects/{subjectId}/records")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RecordBodies.NewRecordBody.class)))
    @ApiResponse(responseCode = "201", description = "Stored; Location names the record")
    ResponseEntity<RecordView> create(@PathVariable String subjectId, HttpServletRequest request) throws IOException {
        JsonNode body = RequestBodies.envelope(json, request.getInputStream());
        NewRecord record = new NewRecord(null, RequestBodies.text(body, "category"),
                source(RequestBodies.text(body, "source")), Purpose.named(RequestBodies.text(body, "purpose"), "purpose"),
                RequestBodies.document(json, body));
        RecordView created = RecordView.of(store.create(Callers.current(), subjectId, record));
        return ResponseEntity.created(URI.create("/api/v1/records/" + created.id())).body(created);
    }

    @GetMapping("/subjects/{subjectId}/records")
    Page<RecordView> ofSubject(@PathVariable String subjectId, @RequestHeader(name = "Purpose", required = false) String header,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return store.ofSubject(Callers.current(), subjectId, purpose(header, purpose), PageRequest.of(page, size))
                .map(RecordView::of);
    }

    @GetMapping("/subjects/{subjectId}/records:export")
    @ApiResponse(responseCode = "200", description = "The subject's records, streamed", content = @Content(
            mediaType = NDJSON, schema = @Schema(type = "string", format = "binary", description = EXPORT_LINES)))
    void exportSubject(@PathVariable String subjectId, @RequestHeader(name = "Purpose", required = false) String header,
            @RequestParam(required = false) String purpose, HttpServletResponse response) throws IOException {
        stream(response, sink -> transfer.exportSubject(Callers.current(), subjectId, purpose(header, purpose), sink));
    }

    @DeleteMapping("/subjects/{subjectId}")
    ErasureView erase(@PathVariable String subjectId) {
        return ErasureView.of(erasure.erase(Callers.current(), subjectId));
    }

    @GetMapping("/records/{recordId}")
    RecordView read(@PathVariable UUID recordId, @RequestHeader(name = "Purpose", required = false) String header,
            @RequestParam(required = false) String purpose) {
        return RecordView.of(store.read(Callers.current(), recordId, purpose(header, purpose)));
    }

    @PutMapping("/records/{recordId}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RecordBodies.CorrectionBody.class)))
    RecordView correct(@PathVariable UUID recordId, HttpServletRequest request) throws IOException {
        JsonNode body = RequestBodies.envelope(json, request.getInputStream());
        JsonNode expected = body.get("expectedVersion");
        if (expected != null && !expected.isNull() && !expected.isInt()) {
            throw new InvalidField("expectedVersion", "must be an integer");
        }
        RecordCorrection correction = new RecordCorrection(RequestBodies.text(body, "category"),
                Purpose.namedIfGiven(RequestBodies.text(body, "purpose"), "purpose"), RequestBodies.document(json, body),
                expected == null || expected.isNull() ? null : expected.asInt());
        return RecordView.of(store.correct(Callers.current(), recordId, correction));
    }

    @DeleteMapping("/records/{recordId}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> delete(@PathVariable UUID recordId) {
        store.delete(Callers.current(), recordId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/records/{recordId}/versions")
    List<VersionView> history(@PathVariable UUID recordId, @RequestHeader(name = "Purpose", required = false) String header,
            @RequestParam(required = false) String purpose) {
        return store.history(Callers.current(), recordId, purpose(header, purpose)).stream().map(VersionView::of).toList();
    }

    @GetMapping("/records")
    Page<RecordView> ofCategory(@RequestParam(required = false) String category,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestHeader(name = "Purpose", required = false) String header,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return store.ofCategory(Callers.current(), category, instant("from", from), instant("to", to),
                purpose(header, purpose), PageRequest.of(page, size)).map(RecordView::of);
    }

    @GetMapping("/records:export")
    @ApiResponse(responseCode = "200", description = "The category's records, streamed", content = @Content(
            mediaType = NDJSON, schema = @Schema(type = "string", format = "binary", description = EXPORT_LINES)))
    void exportCategory(@RequestParam(required = false) String category,
            @RequestHeader(name = "Purpose", required = false) String header,
            @RequestParam(required = false) String purpose, HttpServletResponse response) throws IOException {
        stream(response, sink -> transfer.exportCategory(Callers.current(), category, purpose(header, purpose), sink));
    }

    /** NDJSON lines in; a per-line report out. */
    @PostMapping("/records:import")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = NDJSON,
            schema = @Schema(type = "string", description = "NDJSON, one record per line: {\"subjectId\": string, "
                    + "\"category\": string, \"source\": CUSTOMER|SERVICE_USAGE, \"purpose\": string, "
                    + "\"document\": object, \"id\": uuid (optional)}")))
    ImportReport importRecords(@RequestHeader(name = "Purpose", required = false) String header,
            @RequestParam(required = false) String purpose, HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(NDJSON)) {
            throw new InvalidField("Content-Type", "must be " + NDJSON);
        }
        return transfer.importNdjson(Callers.current(), request.getInputStream(),
                Purpose.namedIfGiven(header != null && !header.isBlank() ? header : purpose, "purpose"));
    }

    @GetMapping("/record-categories")
    Map<String, List<String>> categories() {
        return Map.of("categories", store.categories(Callers.current()));
    }

    @PutMapping("/record-categories")
    Map<String, List<String>> replaceCategories(@RequestBody Map<String, List<String>> body) {
        return Map.of("categories", store.replaceCategories(Callers.current(), body.get("categories")));
    }

    private interface Export {
        void run(java.util.function.Consumer<RevealedRecord> sink);
    }

    /**
     * Streams NDJSON. Failures before the first byte is sent become ordinary problem responses;
     * a failure later ends the stream with one line {@code {"error": problem}}.
     */
    private void stream(HttpServletResponse response, Export export) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        try {
            export.run(record -> {
                try {
                    out.write(json.writeValueAsBytes(RecordView.of(record)));
                    out.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (ProblemException e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setContentType(null);
                throw e;
            }
            out.write(json.writeValueAsBytes(Map.of("error", Map.of("type", e.type().toString(), "title", e.title(),
                    "status", e.status().value(), "detail", e.getMessage()))));
            out.write('\n');
        }
        out.flush();
    }

    /** The purpose named in the {@code Purpose} header, else in the {@code purpose} query parameter. */
    private static Purpose purpose(String header, String parameter) {
        return Purpose.named(header != null && !header.isBlank() ? header : parameter, "purpose");
    }

    private static RecordSource source(String source) {
        if (source == null) {
            return null;
        }
        try {
            return RecordSource.valueOf(source);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("source", "must be CUSTOMER or SERVICE_USAGE");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
