package dev.steward.tenancy.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.PageRequest;
import dev.steward.tenancy.NewTenant;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantPatch;
import dev.steward.tenancy.TenantRegister;
import dev.steward.tenancy.TenantState;
import dev.steward.tenancy.TenantPermissions;
import dev.steward.platform.ConsoleMenuEntry;

/** Console pages of the tenant register, for provider staff. */
@Controller
class TenantConsole implements ConsolePage {

    private final TenantRegister register;

    TenantConsole(TenantRegister register) {
        this.register = register;
    }

    @GetMapping("/console/tenants")
    String list(@RequestParam(required = false) Integer page, Model model) {
        var caller = Callers.current();
        model.addAttribute("tenants", register.list(caller, PageRequest.of(page, 50)));
        model.addAttribute("canWrite", caller.role().allows(TenantPermissions.TENANTS_WRITE));
        return "tenants";
    }

    @PostMapping("/console/tenants")
    String create(@RequestParam String slug, @RequestParam String name, @RequestParam String contractStart,
            @RequestParam(required = false) String contractEnd, @RequestParam(defaultValue = "false") boolean fullyManaged,
            @RequestParam String incidentNoticeHours, @RequestParam String storageCountries, Model model) {
        try {
            Tenant t = register.create(Callers.current(), new NewTenant(slug, name, date("contractStart", contractStart),
                    date("contractEnd", contractEnd), fullyManaged, number("incidentNoticeHours", incidentNoticeHours),
                    countries(storageCountries)));
            return "redirect:/console/tenants/" + t.id() + "?created";
        } catch (InvalidField | dev.steward.platform.NameTaken e) {
            model.addAttribute("error", e.getMessage());
            return list(null, model);
        }
    }

    @GetMapping("/console/tenants/{tenantId}")
    String show(@PathVariable UUID tenantId, Model model) {
        var caller = Callers.current();
        model.addAttribute("tenant", register.get(caller, tenantId));
        model.addAttribute("changes", register.changes(caller, tenantId));
        model.addAttribute("states", TenantState.values());
        model.addAttribute("canWrite", caller.role().allows(TenantPermissions.TENANTS_WRITE));
        return "tenant";
    }

    @PostMapping("/console/tenants/{tenantId}")
    String change(@PathVariable UUID tenantId, @RequestParam String name, @RequestParam TenantState state,
            @RequestParam(required = false) String contractEnd, @RequestParam(defaultValue = "false") boolean fullyManaged,
            @RequestParam String incidentNoticeHours, @RequestParam String storageCountries, @RequestParam int version,
            Model model) {
        try {
            register.change(Callers.current(), tenantId, new TenantPatch(name, state, null, date("contractEnd", contractEnd),
                    fullyManaged, number("incidentNoticeHours", incidentNoticeHours), countries(storageCountries), version));
            return "redirect:/console/tenants/" + tenantId + "?saved";
        } catch (InvalidField | dev.steward.platform.StaleVersion e) {
            model.addAttribute("error", e.getMessage());
            return show(tenantId, model);
        }
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidField(field, "must be a date like 2027-01-31");
        }
    }

    private static int number(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a whole number");
        }
    }

    private static List<String> countries(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/tenants", "Tenants", TenantPermissions.TENANTS_READ, 10)
                .withSummary("the provider's register of customers and their contracts."));
    }
}
