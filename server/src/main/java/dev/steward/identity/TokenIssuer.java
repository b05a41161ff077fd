package dev.steward.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.identity.internal.ApiTokens;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.TenantRegister;
import dev.steward.platform.Secrets;

/**
 * API tokens for customers' systems. A token reads {@code stw_<tenant><token>_<secret>}: the ids
 * locate the row, and only SHA-256 of the 256-bit secret is stored, compared in constant time.
 */
@Service
public class TokenIssuer {

    private static final HexFormat HEX = HexFormat.of();
    /** Tokens checked in the last seconds, so a busy client does not cost a query per request. */
    private static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private record Cached(ApiToken token, long until) {
    }

    private final ApiTokens tokens;
    private final TenantRegister tenants;
    private final Clock clock;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final ConcurrentHashMap<UUID, Cached> recent = new ConcurrentHashMap<>();

    TokenIssuer(ApiTokens tokens, TenantRegister tenants, Clock clock, SystemLog log, TransactionTemplate tx) {
        this.log = log;
        this.tx = tx;
        this.tokens = tokens;
        this.tenants = tenants;
        this.clock = clock;
    }

    public IssuedToken issue(Caller caller, String name, Role role, Integer expiresInDays) {
        caller.require(AccountPermissions.TOKENS_MANAGE);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidField("name", "must be 1 to 100 characters");
        }
        if (role == null) {
            throw new InvalidField("role", "is required");
        }
        if (!role.belongsIn(caller.isProvider()) || role == Role.SUBJECT || role == Role.MANAGED_SERVICE) {
            throw new InvalidField("role", "a token of this tenant cannot have role " + role);
        }
        int days = expiresInDays == null ? 90 : expiresInDays;
        if (days < 1 || days > 365) {
            throw new InvalidField("expiresInDays", "must be between 1 and 365");
        }
        return issueUnchecked(caller, caller.tenantId(), caller.principalId(), name.strip(), role, Duration.ofDays(days));
    }

    /**
     * Issues a token without checking who asks: for the first start's bootstrap token. Callers
     * must have decided already that the token may exist.
     */
    public IssuedToken issueUnchecked(UUID tenantId, UUID createdBy, String name, Role role, Duration lifetime) {
        return issueUnchecked(null, tenantId, createdBy, name, role, lifetime);
    }

    private IssuedToken issueUnchecked(Caller caller, UUID tenantId, UUID createdBy, String name, Role role,
            Duration lifetime) {
        String secretText = Secrets.randomToken();
        var now = clock.instant();
        ApiToken token = new ApiToken(tenantId, UUID.randomUUID(), name, role, Secrets.sha256Hex(secretText), createdBy, now,
                now.plus(lifetime), null);
        TenantScope.run(DataScope.tenant(tenantId), () -> tx.executeWithoutResult(s -> {
            tokens.insert(token);
            log.record(LogEvent.success(tenantId, caller, "token.issued",
                    "token:" + token.id() + " role=" + role + " expires=" + token.expiresAt()));
        }));
        String text = "stw_" + compact(token.tenantId()) + compact(token.id()) + "_" + secretText;
        return new IssuedToken(token, text);
    }

    public Page<ApiToken> list(Caller caller, PageRequest page) {
        caller.require(AccountPermissions.TOKENS_MANAGE);
        UUID t = caller.tenantId();
        return TenantScope.call(DataScope.tenant(t),
                () -> new Page<>(tokens.page(t, page.offset(), page.size()), page.page(), page.size(), tokens.count(t)));
    }

    public ApiToken get(Caller caller, UUID tokenId) {
        caller.require(AccountPermissions.TOKENS_MANAGE);
        return TenantScope.call(DataScope.tenant(caller.tenantId()), () -> tokens.find(caller.tenantId(), tokenId))
                .orElseThrow(() -> new NotFound("token " + tokenId));
    }

    public void revoke(Caller caller, UUID tokenId) {
        ApiToken token = get(caller, tokenId);
        TenantScope.run(DataScope.tenant(caller.tenantId()), () -> tx.executeWithoutResult(s -> {
            if (tokens.revoke(caller.tenantId(), token.id(), clock.instant())) {
                log.record(LogEvent.success(caller.tenantId(), caller, "token.revoked", "token:" + token.id()));
            }
        }));
        recent.remove(tokenId);
    }

    /** The caller a bearer token stands for, if it is well formed, known, unexpired, unrevoked and its tenant active. */
    public Optional<Caller> authenticate(String bearer) {
        if (bearer == null || bearer.length() != 4 + 64 + 1 + 43 || !bearer.startsWith("stw_") || bearer.charAt(68) != '_') {
            return Optional.empty();
        }
        UUID tenantId;
        UUID tokenId;
        try {
            tenantId = expand(bearer.substring(4, 36));
            tokenId = expand(bearer.substring(36, 68));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String secret = bearer.substring(69);
        long nowMillis = clock.millis();
        Cached cached = recent.get(tokenId);
        ApiToken token;
        if (cached != null && cached.until() > nowMillis && cached.token().tenantId().equals(tenantId)) {
            token = cached.token();
        } else {
            Optional<ApiToken> found = TenantScope.call(DataScope.tenant(tenantId), () -> tokens.find(tenantId, tokenId));
            boolean tenantActive = found.isPresent() && tenants.find(tenantId).map(t -> t.isActive()).orElse(false);
            if (found.isEmpty() || !tenantActive) {
                return Optional.empty();
            }
            token = found.get();
            recent.put(tokenId, new Cached(token, nowMillis + CACHE_TTL.toMillis()));
        }
        if (!MessageDigest.isEqual(token.secretHash().getBytes(StandardCharsets.US_ASCII),
                Secrets.sha256Hex(secret).getBytes(StandardCharsets.US_ASCII)) || !token.usableAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new Caller(tenantId, tokenId, token.name(), token.role(), Caller.Kind.TOKEN));
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }

    private static UUID expand(String hex32) {
        byte[] b = HEX.parseHex(hex32);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (b[i] & 0xff);
            lo = (lo << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }
}
