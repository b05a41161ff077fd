package dev.steward.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated caller's tenant into {@link TenantScope} for the rest of the request,
 * and removes it afterwards so no pooled thread carries a tenant into the next request.
 */
public final class TenantScopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        try {
            if (auth != null && auth.getPrincipal() instanceof Caller caller) {
                TenantScope.set(DataScope.tenant(caller.tenantId()));
            } else {
                TenantScope.clear();
            }
            chain.doFilter(request, response);
        } finally {
            TenantScope.clear();
        }
    }
}
