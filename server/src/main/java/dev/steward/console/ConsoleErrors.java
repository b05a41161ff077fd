package dev.steward.console;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

import dev.steward.platform.ConsolePage;
import dev.steward.platform.ProblemException;

/**
 * Console pages answer failures with a page, not JSON: the same facts as the API's problems
 * ({@link ProblemException}), shown to a person.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
@Order(2)
class ConsoleErrors {

    private final ConsoleModel console;

    ConsoleErrors(ConsoleModel console) {
        this.console = console;
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, Model model, HttpServletResponse response) {
        return page(e.status(), e.title(), e.getMessage(), model, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this page.", model, response);
    }

    private String page(HttpStatus status, String title, String detail, Model model, HttpServletResponse response) {
        // @ModelAttribute methods do not run for exception handlers: the layout's menu needs them
        model.addAttribute("caller", console.caller());
        model.addAttribute("menu", console.menu());
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "error";
    }
}
