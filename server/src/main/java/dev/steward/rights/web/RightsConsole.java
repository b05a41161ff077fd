package dev.steward.rights.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.ProblemException;
import dev.steward.rights.Correction;
import dev.steward.rights.NewRequest;
import dev.steward.rights.RequestChannel;
import dev.steward.rights.RequestClock;
import dev.steward.rights.RequestSummary;
import dev.steward.rights.RequestType;
import dev.steward.rights.Requester;
import dev.steward.rights.RightsPermissions;
import dev.steward.rights.RightsRequests;
import dev.steward.rights.Step;
import dev.steward.rights.SubjectRequest;

/**
 * Console pages of data-subject requests: every request with its remaining time, the most urgent
 * first, a form to record one received by email, phone or letter, and a request's page with its
 * history and the steps its state and the reader's role allow.
 */
@Controller
class RightsConsole implements ConsolePage {

    private static final String LIST = "rights";
    private static final String DETAIL = "rights-request";

    private final RightsRequests requests;

    RightsConsole(RightsRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/console/rights")
    String list(@RequestParam(defaultValue = "open") String show, Model model) {
        Caller caller = Callers.current();
        boolean all = show.equals("all");
        model.addAttribute("requests", requests.list(caller, !all).stream().map(Row::of).toList());
        model.addAttribute("all", all);
        model.addAttribute("canRecord", caller.role().allows(RightsPermissions.RIGHTS_RECORD));
        model.addAttribute("types", Arrays.stream(RequestType.values()).map(RequestType::label).toList());
        return LIST;
    }

    /** A request in the list, with its time left as people read it. */
    record Row(RequestSummary q, String remaining) {

        static Row of(RequestSummary q) {
            RequestClock c = q.clock();
            String left = switch (c.state()) {
                case "ANSWERED" -> "answered";
                case "OVERDUE" -> "OVERDUE";
                default -> c.remainingSeconds() / 86_400 + " d " + c.remainingSeconds() % 86_400 / 3_600 + " h"
                        + (c.state().equals("PAUSED") ? " (paused)" : "");
            };
            return new Row(q, left);
        }
    }

    @PostMapping("/console/rights")
    String record(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String subjectId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String details,
            HttpServletResponse response, Model model) {
        try {
            SubjectRequest r = requests.receive(Callers.current(), new NewRequest(RequestType.named(type, "type"),
                    RequestChannel.recorded(channel, "channel"), subjectId, Requester.of(name, email, "requester."),
                    details, null));
            return "redirect:/console/rights/" + r.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            return list("open", model);
        }
    }

    @GetMapping("/console/rights/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Caller caller = Callers.current();
        SubjectRequest r = requests.get(caller, id);
        boolean decide = caller.role().allows(RightsPermissions.RIGHTS_DECIDE);
        boolean record = caller.role().allows(RightsPermissions.RIGHTS_RECORD);
        model.addAttribute("r", r);
        model.addAttribute("allowed", Arrays.stream(Step.values())
                .filter(s -> r.state().after(s).isPresent())
                .filter(s -> s == Step.CLARIFIED ? record : decide)
                .filter(s -> s != Step.EXTEND || r.clock().extendedByMonths() == 0)
                .map(Step::name).toList());
        return DETAIL;
    }

    @PostMapping("/console/rights/{id}/step")
    String step(@PathVariable UUID id, @RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String subjectId,
            @RequestParam(required = false) Integer months,
            @RequestParam(name = "recordId", required = false) List<String> recordIds,
            @RequestParam(name = "document", required = false) List<String> documents,
            HttpServletResponse response, Model model) {
        Caller c = Callers.current();
        List<Correction> corrections = corrections(recordIds, documents);
        Supplier<SubjectRequest> work = switch (step) {
            case "ASK_FOR_IDENTITY" -> () -> requests.askForIdentity(c, id, text);
            case "VERIFY_IDENTITY" -> () -> requests.verifyIdentity(c, id, subjectId);
            case "APPROVE" -> () -> requests.approve(c, id, text, corrections);
            case "REJECT" -> () -> requests.reject(c, id, text);
            case "ASK_FOR_CLARIFICATION" -> () -> requests.askForClarification(c, id, text);
            case "CLARIFIED" -> () -> requests.clarified(c, id, text);
            case "EXTEND" -> () -> requests.extend(c, id, months, text);
            case "FULFIL" -> () -> requests.fulfil(c, id, corrections);
            case "CLOSE" -> () -> requests.close(c, id);
            default -> () -> {
                throw new InvalidField("step", "is not a step of a request");
            };
        };
        try {
            work.get();
            return "redirect:/console/rights/" + id;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            return detail(id, model);
        }
    }

    /**
     * The rows of a rectification's correction table: a row left wholly empty is no correction, a half-filled
     * one is given as it is so the decision names the missing field ({@code corrections[i].document}).
     */
    static List<Correction> corrections(List<String> recordIds, List<String> documents) {
        List<String> ids = recordIds == null ? List.of() : recordIds;
        List<String> docs = documents == null ? List.of() : documents;
        List<Correction> out = new ArrayList<>();
        for (int i = 0; i < Math.max(ids.size(), docs.size()); i++) {
            String id = i < ids.size() ? ids.get(i).strip() : "";
            String doc = i < docs.size() ? docs.get(i).strip() : "";
            if (!id.isEmpty() || !doc.isEmpty()) {
                out.add(new Correction(id, doc));
            }
        }
        return out;
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/rights", "Rights requests", RightsPermissions.RIGHTS_READ, 30)
                .withSummary("data-subject requests with their legal deadlines, the most urgent first.")
                .forAudience(ConsoleMenuEntry.Audience.CUSTOMERS));
    }
}
