package dev.steward.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on every API POST (SEC-1: no replayed transaction acts
 * twice). The first request with a key claims it; a retry with the same key and body gets the
 * first answer again (marked {@code Idempotent-Replayed: true}); the same key with another body
 * is refused; a key whose first request is still running answers 409. Failures of the server
 * (5xx) release the key so a retry can act.
 *
 * <p>The cache never holds a secret: the {@link ShownOnce} fields of an answer are withheld from
 * what is stored and replayed (header {@code Idempotent-Withheld} names them), and a problem's
 * {@code instance} is stored without the path (see {@link ReplayableAnswer}).
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** A claim left by a crashed request is abandoned after this long. */
    private static final Duration ABANDONED = Duration.ofMinutes(2);

    static final String WITHHELD_HEADER = "Idempotent-Withheld";

    private final IdempotencyKeys keys;
    private final Clock clock;
    /** Bodies are buffered whole to be hashed: at most the request body limit. */
    private final int maxBody;

    IdempotencyFilter(IdempotencyKeys keys, Clock clock, int maxBody) {
        this.keys = keys;
        this.clock = clock;
        this.maxBody = maxBody;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Streamed uploads (NDJSON imports) are not buffered here: they may exceed the body limit,
        // and their lines carry their own ids for safe retries.
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || RequestBodyLimitFilter.isStreamed(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field",
                    "Idempotency-Key: 1 to 200 visible ASCII characters");
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = new CachedBodyRequest(request, maxBody);
        } catch (RequestBodyTooLarge e) {
            Problems.write(request, response, e);
            return;
        }
        String hash = Secrets.sha256Hex(request.getRequestURI() + "\n" + new String(cached.body(), StandardCharsets.UTF_8));
        var scope = DataScope.tenant(caller.tenantId());
        String principal = caller.kind() + ":" + caller.principalId();
        var now = clock.instant();
        var existing = TenantScope.call(scope, () -> keys.find(caller.tenantId(), principal, key));
        if (existing.isPresent()) {
            var stored = existing.get();
            if (!stored.requestHash().equals(hash)) {
                Problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Idempotency key reused", "Idempotency-Key: already used for a different request");
                return;
            }
            if (stored.status() == 0) {
                if (stored.createdAt().plus(ABANDONED).isAfter(now)) {
                    Problems.write(response, HttpStatus.CONFLICT, "idempotency-key-in-progress",
                            "Request in progress", "Idempotency-Key: the first request with this key is still running");
                    return;
                }
                TenantScope.run(scope, () -> keys.release(caller.tenantId(), principal, key));
            } else {
                response.setStatus(stored.status());
                if (stored.contentType() != null) {
                    response.setContentType(stored.contentType());
                }
                response.setHeader("Idempotent-Replayed", "true");
                if (stored.withheld() != null) {
                    response.setHeader(WITHHELD_HEADER, stored.withheld());
                }
                if (stored.body() != null) {
                    response.getOutputStream().write(
                            ReplayableAnswer.toReplay(stored.body(), stored.contentType(), request.getRequestURI()));
                }
                return;
            }
        }
        try {
            TenantScope.run(scope, () -> keys.claim(caller.tenantId(), principal, key, hash, now));
        } catch (DuplicateKeyException e) {
            Problems.write(response, HttpStatus.CONFLICT, "idempotency-key-in-progress", "Request in progress",
                    "Idempotency-Key: the first request with this key is still running");
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(cached, wrapper);
            completed = wrapper.getStatus() < 500;
        } finally {
            boolean keep = completed;
            TenantScope.run(scope, () -> {
                if (keep) {
                    ReplayableAnswer.Stored answer = ReplayableAnswer.toStore(wrapper.getContentAsByteArray(),
                            wrapper.getContentType(), shownOnce(cached));
                    keys.complete(caller.tenantId(), principal, key, wrapper.getStatus(), wrapper.getContentType(),
                            answer.body(), answer.withheld());
                } else {
                    keys.release(caller.tenantId(), principal, key);
                }
            });
            wrapper.copyBodyToResponse();
        }
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> shownOnce(HttpServletRequest request) {
        Object fields = request.getAttribute(ShownOnceInterceptor.ATTRIBUTE);
        return fields instanceof java.util.List<?> list ? (java.util.List<String>) list : java.util.List.of();
    }
}
