package dev.steward.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.identity.SignIn;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import java.util.List;
import dev.steward.platform.ConsoleMenuEntry;

/** One's own account: change the password (first thing after a first-start one-time password). */
@Controller
class ProfileConsole implements ConsolePage {

    private final SignIn signIn;

    private final ConsoleSessions sessions;

    ProfileConsole(SignIn signIn, ConsoleSessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GetMapping("/console/profile")
    String profile() {
        return "profile";
    }

    @PostMapping("/console/profile/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String repeatPassword, Model model, jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) {
        var caller = Callers.current();
        try {
            if (!newPassword.equals(repeatPassword)) {
                throw new InvalidField("repeatPassword", "does not match the new password");
            }
            var changed = signIn.changePassword(caller.tenantId(), caller.principalId(), currentPassword, newPassword);
            // The account's other sessions end (its epoch moved); this one goes on at the new epoch.
            request.changeSessionId();
            sessions.signInAs(changed, ConsoleSecurity.FULL, request, response);
            return "redirect:/console/profile?changed";
        } catch (InvalidField e) {
            model.addAttribute("error", e.getMessage());
            return "profile";
        }
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/profile", "Your account", null, 90)
                .withSummary("change your password, enrol a second factor."));
    }
}
