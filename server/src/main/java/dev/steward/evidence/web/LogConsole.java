package dev.steward.evidence.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.evidence.BundleRequest;
import dev.steward.evidence.BundleView;
import dev.steward.evidence.EntryFilter;
import dev.steward.evidence.EvidenceBundles;
import dev.steward.evidence.EvidenceLog;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.PageRequest;
import dev.steward.platform.ProblemException;
import java.util.List;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.evidence.EvidencePermissions;

/**
 * Console page "System log": the caller's tenant's log, filtered by time, actor, action and
 * subject, with each entry's inclusion state; and its evidence bundles, requested, approved and
 * downloaded here. A bundle's link is shown once, in the answer that issued it.
 */
@Controller
class LogConsole implements ConsolePage {

    private final EvidenceLog logs;
    private final EvidenceBundles bundles;

    LogConsole(EvidenceLog logs, EvidenceBundles bundles) {
        this.logs = logs;
        this.bundles = bundles;
    }

    @GetMapping("/console/logs")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject, @RequestParam(required = false) Integer page, Model model) {
        Caller caller = Callers.current();
        UUID tenant = logs.authorise(caller, SystemLog.logOf(caller.tenantId()).value());
        model.addAttribute("f", new Filter(from, to, actor, action, subject));
        try {
            EntryFilter filter = new EntryFilter(time("from", from), time("to", to), blank(actor), blank(action), blank(subject));
            model.addAttribute("entries", logs.entries(tenant, filter, PageRequest.of(page, 50)));
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("logId", SystemLog.logOf(tenant).value());
        model.addAttribute("origin", logs.origin(tenant));
        model.addAttribute("vkey", logs.vkey(tenant));
        model.addAttribute("bundles", bundles.list(caller, PageRequest.of(0, 50)));
        model.addAttribute("canApprove", caller.role().allows(EvidencePermissions.BUNDLE_APPROVE));
        return "logs";
    }

    @PostMapping("/console/logs/bundles")
    String request(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String subject, Model model) {
        try {
            Instant f = time("from", from);
            Instant t = time("to", to);
            if (f == null) {
                throw new InvalidField("from", "is required");
            }
            if (t == null) {
                throw new InvalidField("to", "is required");
            }
            issued(bundles.request(Callers.current(), new BundleRequest(f, t, blank(actor), blank(action), blank(subject))),
                    model);
        } catch (ProblemException e) {
            model.addAttribute("bundleError", e.getMessage());
        }
        return page(from, to, actor, action, subject, null, model);
    }

    @PostMapping("/console/logs/bundles/{bundleId}/approve")
    String approve(@PathVariable UUID bundleId, Model model) {
        try {
            issued(bundles.approve(Callers.current(), bundleId), model);
        } catch (ProblemException e) {
            model.addAttribute("bundleError", e.getMessage());
        }
        return page(null, null, null, null, null, null, model);
    }

    /** The latest signed checkpoint, to keep: a later bundle proves its log extends it ({@code verify --since}). */
    @GetMapping("/console/logs/checkpoint")
    ResponseEntity<byte[]> checkpoint() {
        Caller caller = Callers.current();
        UUID tenant = logs.authorise(caller, SystemLog.logOf(caller.tenantId()).value());
        byte[] cp = logs.checkpoint(tenant).orElseThrow(() -> new dev.steward.platform.NotFound("a checkpoint of this log"));
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("checkpoint-" + SystemLog.logOf(tenant).value() + "-" + size(cp) + ".txt").build().toString())
                .body(cp);
    }

    private static long size(byte[] checkpoint) {
        return dev.steward.ledger.note.Checkpoint.parse(dev.steward.ledger.note.SignedNote.parse(checkpoint).text()).size();
    }

    @GetMapping("/console/logs/bundles/{bundleId}/download")
    ResponseEntity<byte[]> download(@PathVariable UUID bundleId, @RequestParam(required = false) String token) {
        EvidenceBundles.BundleFile file = bundles.download(Callers.current(), bundleId, token);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("evidence-" + file.id() + ".zip").build().toString())
                .body(file.bytes());
    }

    private static void issued(BundleView v, Model model) {
        model.addAttribute("issued", v);
        // the console downloads with the session, the API with a bearer token: same token, same single use
        model.addAttribute("issuedLink", v.download() == null ? null
                : v.download().replace("/api/v1/evidence/bundles/", "/console/logs/bundles/"));
    }

    /** The filter as typed, to fill the form again. */
    record Filter(String from, String to, String actor, String action, String subject) {
    }

    /** An ISO instant, or the value of a datetime-local field read as UTC. */
    static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidField(field, "must be a UTC time like 2026-11-27T10:00");
            }
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/logs", "System log", EvidencePermissions.EVIDENCE_READ, 40)
                .withSummary("what happened, in a tamper-evident log with proofs and evidence bundles."));
    }
}
