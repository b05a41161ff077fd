package dev.steward.complaints.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.complaints.Complainant;
import dev.steward.complaints.Complaint;
import dev.steward.complaints.ComplaintChannel;
import dev.steward.complaints.ComplaintClock;
import dev.steward.complaints.ComplaintOutcome;
import dev.steward.complaints.ComplaintPermissions;
import dev.steward.complaints.ComplaintStep;
import dev.steward.complaints.ComplaintSummary;
import dev.steward.complaints.Complaints;
import dev.steward.complaints.NewComplaint;
import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.ProblemException;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * Console pages of complaints: every complaint the reader may see with its remaining time, the most
 * urgent first, a form to record one received by email or post, and a complaint's page with its
 * history and the steps its state and the reader's role allow.
 */
@Controller
class ComplaintsConsole implements ConsolePage {

    private static final String LIST = "complaints";
    private static final String DETAIL = "complaint";

    private final Complaints complaints;
    private final TenantRegister tenants;

    ComplaintsConsole(Complaints complaints, TenantRegister tenants) {
        this.complaints = complaints;
        this.tenants = tenants;
    }

    /** A complaint in the list, with its organisation's name and its time left as people read it. */
    record Row(ComplaintSummary c, String organisation, String remaining) {
    }

    @GetMapping("/console/complaints")
    String list(@RequestParam(defaultValue = "open") String show, Model model) {
        Caller caller = Callers.current();
        boolean all = show.equals("all");
        Map<UUID, String> names = new HashMap<>();
        model.addAttribute("complaints", complaints.list(caller, !all).stream().map(c -> new Row(c,
                names.computeIfAbsent(c.tenantId(), this::nameOf), remaining(c.clock()))).toList());
        model.addAttribute("all", all);
        model.addAttribute("provider", caller.isProvider());
        model.addAttribute("canRecord", caller.role().allows(ComplaintPermissions.COMPLAINTS_RECORD));
        return LIST;
    }

    @PostMapping("/console/complaints")
    String record(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String receivedOn, @RequestParam(defaultValue = "") String organisation,
            HttpServletResponse response, Model model) {
        Caller caller = Callers.current();
        try {
            Complaint c = complaints.record(caller, new NewComplaint(ComplaintChannel.recorded(channel, "channel"),
                    Complainant.of(name, email, "complainant."), text, receivedOn(receivedOn), concerning(caller, organisation)));
            return "redirect:/console/complaints/" + c.id();
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            return list("open", model);
        }
    }

    @GetMapping("/console/complaints/{id}")
    String detail(@PathVariable UUID id, Model model) {
        Caller caller = Callers.current();
        Complaint c = complaints.get(caller, id);
        boolean handle = caller.role().allows(ComplaintPermissions.COMPLAINTS_HANDLE);
        boolean record = caller.role().allows(ComplaintPermissions.COMPLAINTS_RECORD);
        model.addAttribute("c", c);
        model.addAttribute("organisation", nameOf(c.tenantId()));
        model.addAttribute("remaining", remaining(c.clock()));
        model.addAttribute("outcomes", Arrays.stream(ComplaintOutcome.values()).toList());
        model.addAttribute("allowed", Arrays.stream(ComplaintStep.values())
                .filter(s -> c.state().after(s).isPresent())
                .filter(s -> s.isContribution() ? record : handle)
                .map(ComplaintStep::name).toList());
        return DETAIL;
    }

    @PostMapping("/console/complaints/{id}/step")
    String step(@PathVariable UUID id, @RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String reference, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(required = false) Integer version, HttpServletResponse response, Model model) {
        Caller c = Callers.current();
        Supplier<Complaint> work = switch (step) {
            case "START_INVESTIGATION" -> () -> complaints.startInvestigation(c, id, version);
            case "NOTE" -> () -> complaints.note(c, id, text, version);
            case "LINK" -> () -> complaints.link(c, id, kind, reference, version);
            case "RESPOND" -> () -> complaints.respond(c, id, outcome, text, version);
            case "WITHDRAW" -> () -> complaints.withdraw(c, id, text, version);
            case "CLOSE" -> () -> complaints.close(c, id, version);
            default -> () -> {
                throw new InvalidField("step", "is not a step of a complaint");
            };
        };
        try {
            work.get();
            return "redirect:/console/complaints/" + id;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            return detail(id, model);
        }
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/complaints", "Complaints", ComplaintPermissions.COMPLAINTS_READ, 35)
                .withSummary("complaints with their one-month deadline, the most urgent first."));
    }

    private String nameOf(UUID tenant) {
        return tenants.find(tenant).map(Tenant::name).orElse(tenant.toString());
    }

    /**
     * The tenant a complaint recorded by provider compliance staff concerns, by its organisation name
     * (slug); blank: the provider. Anyone else records in their own tenant, and the field is not looked
     * up for them (it would tell which organisations exist).
     */
    private UUID concerning(Caller caller, String organisation) {
        if (organisation.isBlank() || !caller.isProvider()
                || !caller.role().allows(ComplaintPermissions.COMPLAINTS_HANDLE)) {
            return null;
        }
        return tenants.findBySlug(organisation.strip()).map(Tenant::id)
                .orElseThrow(() -> new InvalidField("organisation", "is no organisation of this installation"));
    }

    private static java.time.Instant receivedOn(String raw) {
        if (raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidField("receivedOn", "must be a date (YYYY-MM-DD)");
        }
    }

    private static String remaining(ComplaintClock c) {
        return switch (c.state()) {
            case "ANSWERED" -> "answered";
            case "OVERDUE" -> "OVERDUE";
            default -> c.remainingSeconds() / 86_400 + " d " + c.remainingSeconds() % 86_400 / 3_600 + " h";
        };
    }
}
