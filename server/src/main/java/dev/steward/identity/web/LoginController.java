package dev.steward.identity.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.identity.Account;
import dev.steward.identity.SignIn;
import dev.steward.identity.SignInResult;
import dev.steward.identity.Totp;
import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;

/**
 * Console sign-in: organisation, username and password; then the TOTP code, or, for provider
 * staff without one, enrolment of a second factor before anything else is reachable.
 */
@Controller
class LoginController implements ConsolePage {

    private static final String PENDING = "steward.pendingSignIn";
    private static final String FAILED = "Sign-in failed. Check organisation, username and password; "
            + "repeated failures lock the account for a while.";

    private static final String MFA_RESET_PENDING = "Your second factor was reset. Open the one-time link your "
            + "administrator gave you to enrol a new one; your password alone does not sign you in until then.";

    /** Wrong codes a pending sign-in survives; the next one ends it and the person starts again. */
    static final int CODES_PER_PENDING_SIGN_IN = 3;

    /**
     * Password passed, second factor still due; valid for five minutes or {@link #CODES_PER_PENDING_SIGN_IN}
     * wrong codes. The counter is shared by simultaneous requests of the session.
     */
    record Pending(UUID tenantId, UUID accountId, Instant until, AtomicInteger wrongCodes) implements Serializable {
    }

    private final SignIn signIn;
    private final ConsoleSessions sessions;
    private final Clock clock;

    LoginController(SignIn signIn, ConsoleSessions sessions, Clock clock) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/login")
    String form() {
        return "login";
    }

    @PostMapping("/login")
    String password(@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        SignInResult result = signIn.password(organisation, username, password, request.getRemoteAddr());
        if (!(result instanceof SignInResult.Accepted accepted)) {
            boolean resetPending = result instanceof SignInResult.Refused r
                    && r.reason() == SignInResult.Reason.MFA_RESET_PENDING;
            model.addAttribute("error", resetPending ? MFA_RESET_PENDING : FAILED);
            model.addAttribute("organisation", organisation);
            model.addAttribute("username", username);
            response.setStatus(401);
            return "login";
        }
        Account account = accepted.account();
        request.changeSessionId();
        HttpSession session = request.getSession();
        switch (accepted.next()) {
            case MFA_CODE -> {
                session.setAttribute(PENDING, new Pending(account.tenantId(), account.id(),
                        clock.instant().plus(Duration.ofMinutes(5)), new AtomicInteger()));
                return "redirect:/login/mfa";
            }
            case MFA_ENROLMENT -> {
                sessions.signInAs(account, ConsoleSecurity.ENROLMENT, request, response);
                return "redirect:/mfa/enrol";
            }
            default -> {
                sessions.signInAs(account, ConsoleSecurity.FULL, request, response);
                return "redirect:/";
            }
        }
    }

    @GetMapping("/login/mfa")
    String mfaForm(HttpSession session) {
        return session.getAttribute(PENDING) == null ? "redirect:/login" : "login-mfa";
    }

    @PostMapping("/login/mfa")
    String mfa(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession();
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || pending.until().isBefore(clock.instant())) {
            session.removeAttribute(PENDING);
            return "redirect:/login";
        }
        if (pending.wrongCodes().get() >= CODES_PER_PENDING_SIGN_IN) {
            session.removeAttribute(PENDING);
            return "redirect:/login?codesExhausted";
        }
        if (!signIn.secondFactor(pending.tenantId(), pending.accountId(), code.strip(), request.getRemoteAddr())) {
            if (pending.wrongCodes().incrementAndGet() >= CODES_PER_PENDING_SIGN_IN) {
                session.removeAttribute(PENDING);
                return "redirect:/login?codesExhausted";
            }
            model.addAttribute("error", "That code is not valid. Enter the current 6-digit code from your app.");
            response.setStatus(401);
            return "login-mfa";
        }
        session.removeAttribute(PENDING);
        request.changeSessionId();
        Account account = signIn.account(pending.tenantId(), pending.accountId());
        sessions.signInAs(account, ConsoleSecurity.FULL, request, response);
        return "redirect:/";
    }

    @GetMapping("/mfa/enrol")
    String enrolForm(Model model) {
        Caller caller = Callers.current();
        Account account = signIn.account(caller.tenantId(), caller.principalId());
        if (account.totpEnabled()) {
            model.addAttribute("enrolled", true);
            return "mfa-enrol";
        }
        String secret = signIn.beginEnrolment(caller.tenantId(), caller.principalId());
        String uri = Totp.otpauthUri("Steward", account.username() + "@" + caller.tenantId(), secret);
        model.addAttribute("qr", QrCodes.dataUri(uri));
        model.addAttribute("secret", secret);
        model.addAttribute("mandatory", account.role().mfaRequired());
        return "mfa-enrol";
    }

    @PostMapping("/mfa/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Caller caller = Callers.current();
        if (!signIn.confirmEnrolment(caller.tenantId(), caller.principalId(), code.strip())) {
            model.addAttribute("error", "That code is not valid. Scan the QR code again and enter the current code.");
            response.setStatus(400);
            return enrolForm(model);
        }
        request.changeSessionId();
        sessions.signInAs(signIn.account(caller.tenantId(), caller.principalId()), ConsoleSecurity.FULL, request, response);
        return "redirect:/?mfaEnrolled";
    }

}
