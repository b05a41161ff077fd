package dev.steward.identity.web;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.identity.IssuedToken;
import dev.steward.identity.TokenIssuer;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import java.util.List;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.identity.AccountPermissions;

/** API tokens of one's own tenant: issue (the secret is shown on this one page only), list, revoke. */
@Controller
class TokenConsole implements ConsolePage {

    private final TokenIssuer issuer;

    TokenConsole(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping("/console/tokens")
    String list(Model model) {
        var caller = Callers.current();
        model.addAttribute("tokens", issuer.list(caller, PageRequest.of(0, 200)));
        model.addAttribute("roles", Arrays.stream(Role.values())
                .filter(r -> r.belongsIn(caller.isProvider()) && r != Role.SUBJECT && r != Role.MANAGED_SERVICE).toList());
        return "tokens";
    }

    @PostMapping("/console/tokens")
    String issue(@RequestParam String name, @RequestParam Role role, @RequestParam(defaultValue = "90") String expiresInDays,
            Model model) {
        try {
            int days;
            try {
                days = Integer.parseInt(expiresInDays.strip());
            } catch (NumberFormatException e) {
                throw new InvalidField("expiresInDays", "must be a whole number");
            }
            IssuedToken issued = issuer.issue(Callers.current(), name, role, days);
            model.addAttribute("issued", issued);
        } catch (InvalidField e) {
            model.addAttribute("error", e.getMessage());
        }
        return list(model);
    }

    @PostMapping("/console/tokens/{tokenId}/revoke")
    String revoke(@PathVariable UUID tokenId) {
        issuer.revoke(Callers.current(), tokenId);
        return "redirect:/console/tokens?revoked";
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/tokens", "API tokens", AccountPermissions.TOKENS_MANAGE, 50)
                .withSummary("credentials for your systems."));
    }
}
