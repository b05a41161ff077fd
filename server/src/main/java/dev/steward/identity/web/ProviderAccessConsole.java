package dev.steward.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.identity.ProviderAccessLog;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.PageRequest;
import java.util.List;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.evidence.EvidencePermissions;

/** The customer's one page of every provider access to its tenant. */
@Controller
class ProviderAccessConsole implements ConsolePage {

    private final ProviderAccessLog accesses;

    ProviderAccessConsole(ProviderAccessLog accesses) {
        this.accesses = accesses;
    }

    @GetMapping("/console/provider-access")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("accesses", accesses.list(Callers.current(), PageRequest.of(page, 100)));
        return "provider-access";
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/provider-access", "Provider access", EvidencePermissions.EVIDENCE_READ, 70)
                .withSummary("every time the provider's staff reached into your organisation, and what they did.")
                .forAudience(ConsoleMenuEntry.Audience.CUSTOMERS));
    }
}
