package dev.steward.evidence.web;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.evidence.BundleRequest;
import dev.steward.evidence.BundleView;
import dev.steward.evidence.EvidenceBundles;
import dev.steward.platform.Callers;
import dev.steward.platform.InvalidField;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.ShownOnce;
import dev.steward.evidence.EvidencePermissions;

/**
 * Evidence bundles over HTTP. A tenant asks for its own ({@code POST /api/v1/evidence/bundles});
 * provider staff ask for a customer's ({@code POST /api/v1/tenants/{tenantId}/evidence/bundles}),
 * which the customer administrator approves; the single-use link downloads the zip once.
 */
@RestController
@RequestMapping("/api/v1")
class BundleApi {

    private static final Set<String> FIELDS = Set.of("from", "to", "action", "actor", "subject", "since");

    private final EvidenceBundles bundles;

    BundleApi(EvidenceBundles bundles) {
        this.bundles = bundles;
    }

    @PostMapping("/evidence/bundles")
    @ShownOnce("download")
    @ApiResponse(responseCode = "201", description = "Requested and built; download holds the single-use link")
    ResponseEntity<BundleView> request(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = BundleRequestBody.class)))
            @RequestBody Map<String, Object> body) {
        var caller = Callers.current();
        caller.require(EvidencePermissions.EVIDENCE_READ);
        BundleView v = bundles.request(caller, parse(body));
        return ResponseEntity.created(URI.create("/api/v1/evidence/bundles/" + v.id())).body(v);
    }

    @GetMapping("/evidence/bundles")
    Page<BundleView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return bundles.list(Callers.current(), PageRequest.of(page, size));
    }

    @PostMapping("/tenants/{tenantId}/evidence/bundles")
    @ShownOnce("download")
    @ApiResponse(responseCode = "201", description = "Requested; built once the customer administrator approves")
    ResponseEntity<BundleView> requestFor(@PathVariable UUID tenantId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = BundleRequestBody.class)))
            @RequestBody Map<String, Object> body) {
        var caller = Callers.current();
        bundles.authoriseRequestFor(caller, tenantId);
        BundleView v = bundles.requestFor(caller, tenantId, parse(body));
        return ResponseEntity.status(201).body(v);
    }

    @GetMapping("/tenants/{tenantId}/evidence/bundles")
    Page<BundleView> listFor(@PathVariable UUID tenantId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return bundles.listFor(Callers.current(), tenantId, PageRequest.of(page, size));
    }

    @PostMapping("/evidence/bundles/{bundleId}/approve")
    @ShownOnce("download")
    BundleView approve(@PathVariable UUID bundleId) {
        return bundles.approve(Callers.current(), bundleId);
    }

    @GetMapping(value = "/evidence/bundles/{bundleId}/download", produces = { "application/zip", "application/problem+json" })
    @ApiResponse(responseCode = "200", description = "The bundle's zip, once", content = @Content(
            mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "410", description = "The link was used or has expired")
    ResponseEntity<byte[]> download(@PathVariable UUID bundleId, @RequestParam(required = false) String token) {
        EvidenceBundles.BundleFile file = bundles.download(Callers.current(), bundleId, token);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("evidence-" + file.id() + ".zip").build().toString())
                .body(file.bytes());
    }

    static BundleRequest parse(Map<String, Object> body) {
        if (body == null) {
            throw new InvalidField("from", "is required");
        }
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new InvalidField(key, "is not a known field; a bundle takes from, to, action, actor, subject and since");
            }
        }
        var from = Inputs.instant("from", text(body, "from"));
        var to = Inputs.instant("to", text(body, "to"));
        if (from == null) {
            throw new InvalidField("from", "is required");
        }
        if (to == null) {
            throw new InvalidField("to", "is required");
        }
        return new BundleRequest(from, to, blankToNull(text(body, "actor")), blankToNull(text(body, "action")),
                blankToNull(text(body, "subject")), since(body.get("since")));
    }

    /** The tree size of a checkpoint the customer saved, to prove the log extends it. */
    private static Long since(Object v) {
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n instanceof Double || n instanceof Float || n.longValue() < 0) {
            throw new InvalidField("since", "must be the tree size (a whole number, 0 or more) of a checkpoint you saved");
        }
        return n.longValue();
    }

    private static String text(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new InvalidField(field, "must be a string");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
