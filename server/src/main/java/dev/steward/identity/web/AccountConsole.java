package dev.steward.identity.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.identity.AccountDirectory;
import dev.steward.identity.AccountPatch;
import dev.steward.identity.NewAccount;
import dev.steward.identity.SignInPolicies;
import dev.steward.platform.Callers;
import dev.steward.platform.NameTaken;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import java.util.List;
import dev.steward.platform.ConsoleMenuEntry;
import dev.steward.identity.AccountPermissions;

/** Console pages for an administrator's own tenant's accounts. */
@Controller
class AccountConsole implements ConsolePage {

    private final AccountDirectory directory;
    private final SignInPolicies policies;
    private final Clock clock;

    AccountConsole(AccountDirectory directory, SignInPolicies policies, Clock clock) {
        this.directory = directory;
        this.policies = policies;
        this.clock = clock;
    }

    @GetMapping("/console/accounts")
    String list(Model model) {
        var caller = Callers.current();
        var now = clock.instant();
        model.addAttribute("accounts",
                directory.list(caller, caller.tenantId(), PageRequest.of(0, 200)).map(a -> AccountView.of(a, now)));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r.belongsIn(caller.isProvider())).toList());
        if (!caller.isProvider()) {
            model.addAttribute("signInPolicy", policies.get(caller, caller.tenantId()));
        }
        return "accounts";
    }

    /** The customer administrator requires (or no longer requires) a second factor of every account. */
    @PostMapping("/console/accounts/sign-in-policy")
    String changeSignInPolicy(@RequestParam(defaultValue = "false") boolean mfaRequired) {
        var caller = Callers.current();
        policies.change(caller, caller.tenantId(), mfaRequired);
        return "redirect:/console/accounts?policyChanged";
    }

    @PostMapping("/console/accounts")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
            @RequestParam String password, Model model) {
        var caller = Callers.current();
        try {
            directory.create(caller, caller.tenantId(), new NewAccount(username, displayName, role, password));
            return "redirect:/console/accounts?created=" + username;
        } catch (InvalidField | NameTaken e) {
            model.addAttribute("error", e.getMessage());
            return list(model);
        }
    }

    @PostMapping("/console/accounts/{accountId}/disabled")
    String setDisabled(@PathVariable UUID accountId, @RequestParam boolean disabled, Model model) {
        var caller = Callers.current();
        var a = directory.change(caller, caller.tenantId(), accountId, new AccountPatch(null, null, disabled, null, null)).account();
        model.addAttribute("a", AccountView.of(a, clock.instant()));
        return "accounts :: row";
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/accounts", "Accounts", AccountPermissions.ACCOUNTS_READ, 20)
                .withSummary("people of your organisation and their roles."));
    }
}
