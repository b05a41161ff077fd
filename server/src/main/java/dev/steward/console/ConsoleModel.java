package dev.steward.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.steward.platform.Caller;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.Permission;

/** What every console page's layout needs: who is signed in and which menu entries they may see. */
@ControllerAdvice(assignableTypes = ConsolePage.class) // a type check: cheap on every API call that asks
class ConsoleModel {

    public record Menu(boolean tenants, boolean accounts, boolean tokens, boolean records, boolean logs, boolean jobs) {
    }

    @ModelAttribute("caller")
    Caller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller c ? c : null;
    }

    @ModelAttribute("menu")
    Menu menu() {
        Caller c = caller();
        if (c == null) {
            return new Menu(false, false, false, false, false, false);
        }
        return new Menu(c.role().allows(Permission.TENANTS_READ), c.role().allows(Permission.ACCOUNTS_READ),
                c.role().allows(Permission.TOKENS_MANAGE), c.role().allows(Permission.RECORDS_READ),
                c.role().allows(Permission.EVIDENCE_READ), c.role().allows(Permission.JOBS_READ));
    }
}
