package dev.steward.identity.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.steward.identity.TokenIssuer;
import dev.steward.platform.Caller;
import dev.steward.platform.Problems;

/** Authenticates API requests that carry {@code Authorization: Bearer stw_...}. */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final TokenIssuer tokens;

    ApiTokenFilter(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        java.util.Optional<Caller> caller;
        try {
            caller = tokens.authenticate(header.substring(7).strip());
        } catch (org.springframework.dao.DataAccessException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "Service temporarily unavailable", "the database is unavailable; retry later");
            return;
        }
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "the token is unknown, expired or revoked");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(authentication(caller.get()));
        chain.doFilter(request, response);
    }

    static UsernamePasswordAuthenticationToken authentication(Caller caller) {
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(() -> "ROLE_" + caller.role().name(), () -> ConsoleSecurity.FULL));
    }
}
