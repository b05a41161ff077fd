package dev.steward.platform;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Recognises the metrics scraper by {@code Authorization: Bearer <steward.metrics.scrape-token>}.
 * The comparison takes the same time whatever the guess (both sides are hashed, then compared with
 * {@link MessageDigest#isEqual}), so the token cannot be found byte by byte. With no token
 * configured nobody is recognised: the metrics stay closed.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "METRICS_SCRAPE";

    private final byte[] expected;

    ScrapeTokenFilter(String token) {
        this.expected = token == null || token.isBlank() ? null : Secrets.sha256(token.strip());
    }

    boolean open() {
        return expected != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (expected != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(expected, Secrets.sha256(header.substring(7).strip()))) {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                    List.of(new SimpleGrantedAuthority(AUTHORITY))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
