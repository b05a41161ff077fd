package dev.steward.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.steward.identity.SignIn;
import dev.steward.platform.Caller;

/**
 * An open console session follows its account and tenant: at every request it is checked against
 * the account as stored now, and ended (the request goes on unauthenticated, so the console sends
 * the person to sign in again) once the account is gone, disabled, has another role, has changed
 * its password or had its second factor reset, or its tenant is no longer active.
 */
class SessionStandingFilter extends OncePerRequestFilter {

    private final SignIn signIn;

    SessionStandingFilter(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller && caller.kind() == Caller.Kind.ACCOUNT) {
            boolean valid = auth.getDetails() instanceof SessionEpoch epoch && signIn.sessionStillValid(caller, epoch.value());
            if (!valid) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
