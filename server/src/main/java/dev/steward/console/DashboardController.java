package dev.steward.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.PermissionCatalog;
import dev.steward.platform.ConsolePage;
import dev.steward.tenancy.TenantRegister;

/** The start page: what this role is for and where its work is. */
@Controller
class DashboardController implements ConsolePage {

    private final TenantRegister tenants;
    private final PermissionCatalog permissions;

    DashboardController(TenantRegister tenants, PermissionCatalog permissions) {
        this.tenants = tenants;
        this.permissions = permissions;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Caller caller = Callers.current();
        model.addAttribute("tenant", tenants.own(caller));
        model.addAttribute("permissions", permissions.namesOf(caller.role()));
        return "dashboard";
    }
}
