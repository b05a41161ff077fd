package dev.steward.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated {@link Caller} of the current request. */
public final class Callers {

    private Callers() {
    }

    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
                "not authenticated");
    }
}
