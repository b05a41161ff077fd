package dev.steward.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.steward.identity.Account;
import dev.steward.identity.Invitation;
import dev.steward.identity.InvitationInvalid;
import dev.steward.identity.InvitationPurpose;
import dev.steward.identity.Invitations;
import dev.steward.identity.Totp;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NameTaken;
import dev.steward.tenancy.TenantRegister;

/**
 * The page a one-time link opens, without signing in: a new person sets their password and
 * enrols a second factor; after an MFA reset, the account's holder gives their password and
 * enrols a new factor. The pending TOTP secret lives in the server-side session until the
 * person proves it with a code, so nothing is stored for a link that is never completed.
 */
@Controller
class InvitationPage implements ConsolePage {

    private static final String SECRET = "steward.invitation.totp.";

    private final Invitations invitations;
    private final TenantRegister tenants;

    InvitationPage(Invitations invitations, TenantRegister tenants) {
        this.invitations = invitations;
        this.tenants = tenants;
    }

    @GetMapping("/invite/{token}")
    String form(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Invitation invitation;
        try {
            invitation = invitations.open(token);
        } catch (InvitationInvalid e) {
            response.setStatus(404);
            model.addAttribute("invalid", true);
            return "invite";
        }
        HttpSession session = request.getSession();
        String key = SECRET + invitation.id();
        String secret = session.getAttribute(key) instanceof String s ? s : Totp.newSecret();
        session.setAttribute(key, secret);
        String organisation = tenants.find(invitation.tenantId()).map(t -> t.slug()).orElse("");
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("organisation", organisation);
        model.addAttribute("reset", invitation.purpose() == InvitationPurpose.MFA_RESET);
        model.addAttribute("secret", secret);
        model.addAttribute("qr", QrCodes.dataUri(Totp.otpauthUri("Steward", invitation.username() + "@" + organisation, secret)));
        return "invite";
    }

    @PostMapping("/invite/{token}")
    String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeatPassword, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        HttpSession session = request.getSession();
        Invitation invitation;
        try {
            invitation = invitations.open(token);
        } catch (InvitationInvalid e) {
            response.setStatus(404);
            model.addAttribute("invalid", true);
            return "invite";
        }
        String key = SECRET + invitation.id();
        String secret = session.getAttribute(key) instanceof String s ? s : null;
        try {
            Account account;
            if (invitation.purpose() == InvitationPurpose.MFA_RESET) {
                account = invitations.acceptMfaReset(token, password, secret, code, request.getRemoteAddr());
            } else {
                if (!password.equals(repeatPassword)) {
                    throw new InvalidField("repeatPassword", "does not match the password");
                }
                account = invitations.acceptNewAccount(token, password, secret, code);
            }
            session.removeAttribute(key);
            model.addAttribute("done", true);
            model.addAttribute("username", account.username());
            model.addAttribute("organisation", tenants.find(account.tenantId()).map(t -> t.slug()).orElse(""));
            return "invite";
        } catch (InvalidField | NameTaken e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            return form(token, request, response, model);
        } catch (InvitationInvalid e) {
            response.setStatus(404);
            model.addAttribute("invalid", true);
            return "invite";
        }
    }
}
