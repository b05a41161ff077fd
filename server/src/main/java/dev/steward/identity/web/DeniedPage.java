package dev.steward.identity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.steward.platform.ConsolePage;

/** The page a signed-in person sees when the console refuses them, saying why and what to do. */
@Controller
class DeniedPage implements ConsolePage {

    @RequestMapping("/denied")
    String denied(Model model, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean enrolling = auth != null
                && auth.getAuthorities().stream().anyMatch(a -> ConsoleSecurity.ENROLMENT.equals(a.getAuthority()));
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("title", "Forbidden");
        model.addAttribute("detail", enrolling
                ? "Your role requires a second factor. Enrol it on the Second factor page before anything else."
                : "Your role does not allow this page.");
        return "error";
    }
}
