package dev.steward.records.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.PageRequest;
import dev.steward.platform.ProblemException;
import dev.steward.records.RecordStore;
import dev.steward.records.SubjectErasure;
import dev.steward.records.RecordPermissions;
import dev.steward.platform.ConsoleMenuEntry;

/**
 * Console page of the records: look a subject up (for a named purpose) and, for administrators,
 * erase it. The subject identifier travels only in POST bodies, never in a URL (history, logs).
 */
@Controller
class RecordConsole implements ConsolePage {

    static final List<String> PURPOSES = List.of("contract", "legal-obligation", "service-analytics", "security",
            "marketing", "support");

    private final RecordStore store;
    private final SubjectErasure erasure;

    RecordConsole(RecordStore store, SubjectErasure erasure) {
        this.store = store;
        this.erasure = erasure;
    }

    @GetMapping("/console/records")
    String page(Model model) {
        var caller = Callers.current();
        model.addAttribute("categories", store.categories(caller));
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("canErase", caller.role().allows(RecordPermissions.RECORDS_ERASE));
        return "records";
    }

    @PostMapping("/console/records/lookup")
    String lookup(@RequestParam String subjectId, @RequestParam String purpose, Model model) {
        try {
            model.addAttribute("records", store.ofSubject(Callers.current(), subjectId, purpose, PageRequest.of(0, 200))
                    .map(RecordView::of));
            model.addAttribute("subjectId", subjectId);
            model.addAttribute("purpose", purpose);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }

    @PostMapping("/console/records/erase")
    String erase(@RequestParam String subjectId, @RequestParam(defaultValue = "false") boolean confirm, Model model) {
        if (!confirm) {
            model.addAttribute("error", "confirm: tick the box to erase the subject for good");
            return page(model);
        }
        try {
            model.addAttribute("receipt", RecordView.ErasureView.of(erasure.erase(Callers.current(), subjectId)));
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(model);
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/records", "Records", RecordPermissions.RECORDS_READ, 30)
                .withSummary("the personal data your organisation keeps here, read for a named purpose."));
    }
}
