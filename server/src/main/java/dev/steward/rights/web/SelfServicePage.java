package dev.steward.rights.web;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.ProblemException;
import dev.steward.rights.PrivacyLinkInvalid;
import dev.steward.rights.RequestType;
import dev.steward.rights.SelfService;
import dev.steward.rights.SelfService.PrivacyPage;
import dev.steward.rights.SubmissionsThrottled;

/**
 * The tenant's public privacy page: the request form, the confirmation a link leads to, and the
 * requester's status page. No account; CSRF-protected forms. A confirmation link opens a page
 * with a button rather than confirming on GET, since mail scanners follow links on their own.
 */
@Controller
class SelfServicePage implements ConsolePage {

    private static final String VIEW = "privacy";

    private final SelfService selfService;

    SelfServicePage(SelfService selfService) {
        this.selfService = selfService;
    }

    @GetMapping("/privacy/{slug}")
    String form(@PathVariable String slug, HttpServletResponse response, Model model) {
        return withPage(slug, response, model, "form");
    }

    @PostMapping("/privacy/{slug}")
    String submit(@PathVariable String slug, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String details, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (selfService.page(slug).isEmpty()) {
            return withPage(slug, response, model, "form");
        }
        try {
            selfService.submit(slug, request.getRemoteAddr(), type, name, email, details);
            model.addAttribute("email", email.strip());
            return withPage(slug, response, model, "sent");
        } catch (InvalidField e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new FormValues(type, name, email, details));
            return withPage(slug, response, model, "form");
        } catch (SubmissionsThrottled e) {
            response.setStatus(429);
            response.setHeader("Retry-After", "3600");
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new FormValues(type, name, email, details));
            return withPage(slug, response, model, "form");
        }
    }

    @GetMapping("/privacy/{slug}/confirm/{token}")
    String confirmation(@PathVariable String slug, @PathVariable String token, HttpServletResponse response,
            Model model) {
        if (!selfService.linkOpen(slug, token)) {
            return invalid(slug, response, model);
        }
        model.addAttribute("token", token);
        return withPage(slug, response, model, "confirm");
    }

    @PostMapping("/privacy/{slug}/confirm/{token}")
    String confirm(@PathVariable String slug, @PathVariable String token, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("confirmation", selfService.confirm(slug, token));
            return withPage(slug, response, model, "confirmed");
        } catch (PrivacyLinkInvalid e) {
            return invalid(slug, response, model);
        }
    }

    @GetMapping("/privacy/{slug}/requests/{token}")
    String status(@PathVariable String slug, @PathVariable String token, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("requests", selfService.status(slug, token));
            model.addAttribute("token", token);
            return withPage(slug, response, model, "status");
        } catch (PrivacyLinkInvalid e) {
            return invalid(slug, response, model);
        }
    }

    @PostMapping("/privacy/{slug}/requests/{token}/clarification")
    String clarify(@PathVariable String slug, @PathVariable String token, @RequestParam(defaultValue = "") String request,
            @RequestParam(defaultValue = "") String answer, HttpServletResponse response, Model model) {
        try {
            selfService.answerClarification(slug, token, reference(request), answer);
            model.addAttribute("done", "Thank you: your answer was sent, and the time for our answer runs again.");
        } catch (PrivacyLinkInvalid e) {
            return invalid(slug, response, model);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
        }
        return status(slug, token, response, model);
    }

    /** What the form held, shown again with its error. */
    record FormValues(String type, String name, String email, String details) {
    }

    private String invalid(String slug, HttpServletResponse response, Model model) {
        String view = withPage(slug, response, model, "invalid");
        if (response.getStatus() != 404) {
            response.setStatus(410);
        }
        return view;
    }

    private String withPage(String slug, HttpServletResponse response, Model model, String mode) {
        PrivacyPage page = selfService.page(slug).orElse(null);
        if (page == null) {
            response.setStatus(404);
            model.addAttribute("mode", "unknown");
            return VIEW;
        }
        model.addAttribute("page", page);
        model.addAttribute("mode", mode);
        model.addAttribute("types", TYPES);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new FormValues("access", "", "", ""));
        }
        return VIEW;
    }

    /** The request types with what each asks for, in the subject's words. */
    record TypeChoice(String value, String label, String explanation) {
    }

    /** A request's reference from the form: a malformed one names the field. */
    private static java.util.UUID reference(String raw) {
        try {
            return java.util.UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidField("request", "must be a request's reference");
        }
    }

    private static final List<TypeChoice> TYPES = Arrays.stream(RequestType.values()).map(t -> new TypeChoice(
            t.name().toLowerCase(java.util.Locale.ROOT), t.label(), switch (t) {
                case ACCESS -> "a copy of the personal data held about you, and how it is used";
                case RECTIFICATION -> "correct personal data about you that is wrong or incomplete";
                case ERASURE -> "delete the personal data held about you";
                case RESTRICTION -> "stop using your data, except to keep it, while a question is settled";
                case OBJECTION -> "stop using your data for purposes that rest on a legitimate interest";
                case PORTABILITY -> "the data you provided, in a machine-readable form";
            })).toList();
}
