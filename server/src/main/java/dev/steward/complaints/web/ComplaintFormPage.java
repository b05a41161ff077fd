package dev.steward.complaints.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.complaints.ComplaintForm;
import dev.steward.complaints.ComplaintForm.FormPage;
import dev.steward.complaints.ComplaintsThrottled;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;

/**
 * The tenant's public complaint form: no account, a CSRF-protected form, the tenant's name and
 * published privacy contact above it. An unknown page is one 404 whatever the reason; a flood from
 * one network address is answered 429 with a page that says when to try again and where else to write.
 */
@Controller
class ComplaintFormPage implements ConsolePage {

    private static final String VIEW = "complaint-form";

    private final ComplaintForm form;

    ComplaintFormPage(ComplaintForm form) {
        this.form = form;
    }

    /** What the form held, shown again with its error. */
    record FormValues(String name, String email, String text) {
    }

    @GetMapping("/privacy/{slug}/complaint")
    String form(@PathVariable String slug, HttpServletResponse response, Model model) {
        return withPage(slug, response, model, "form");
    }

    @PostMapping("/privacy/{slug}/complaint")
    String submit(@PathVariable String slug, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String text,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (form.page(slug).isEmpty()) {
            return withPage(slug, response, model, "form");
        }
        try {
            model.addAttribute("receipt", form.submit(slug, request.getRemoteAddr(), name, email, text));
            model.addAttribute("email", email.strip());
            return withPage(slug, response, model, "received");
        } catch (InvalidField e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new FormValues(name, email, text));
            return withPage(slug, response, model, "form");
        } catch (ComplaintsThrottled e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new FormValues(name, email, text));
            return withPage(slug, response, model, "throttled");
        }
    }

    private String withPage(String slug, HttpServletResponse response, Model model, String mode) {
        FormPage page = form.page(slug).orElse(null);
        if (page == null) {
            response.setStatus(404);
            model.addAttribute("mode", "unknown");
            return VIEW;
        }
        model.addAttribute("page", page);
        model.addAttribute("mode", mode);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FormValues("", "", ""));
        }
        return VIEW;
    }
}
