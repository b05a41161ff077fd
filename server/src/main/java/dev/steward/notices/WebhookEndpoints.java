package dev.steward.notices;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.internal.DeliveryFailed;
import dev.steward.notices.internal.NoticeKeys;
import dev.steward.notices.internal.NoticeSettings;
import dev.steward.notices.internal.WebhookChannel;
import dev.steward.notices.internal.WebhookRows;
import dev.steward.notices.internal.WebhookSignature;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's tenant's Standard Webhooks endpoints. A new endpoint gets a {@code whsec_} secret,
 * shown once and stored only sealed; it receives notices only after {@link #verify}: Steward sends
 * it a signed verification notice with a random challenge and the receiver must answer 2xx with the
 * challenge in its body, which proves the address is the customer's receiver and not someone else's.
 * {@link #rotate} issues a new secret; the old one keeps signing beside it for the overlap, so the
 * receiver can switch without losing a notice.
 */
@Service
public class WebhookEndpoints {

    private final WebhookRows rows;
    private final NoticeKeys keys;
    private final WebhookChannel channel;
    private final NoticeSettings settings;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpoints(WebhookRows rows, NoticeKeys keys, WebhookChannel channel, NoticeSettings settings, SystemLog log,
            TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.keys = keys;
        this.channel = channel;
        this.settings = settings;
        this.log = log;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public List<WebhookEndpoint> list(Caller caller) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        return TenantScope.call(DataScope.tenant(caller.tenantId()), () -> rows.list(caller.tenantId()));
    }

    public WebhookEndpoint get(Caller caller, UUID endpointId) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        return TenantScope.call(DataScope.tenant(caller.tenantId()), () -> rows.find(caller.tenantId(), endpointId))
                .orElseThrow(() -> new NotFound("webhook endpoint " + endpointId)).endpoint();
    }

    public IssuedWebhookSecret create(Caller caller, String url) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        String checked = checkedUrl(url);
        UUID tenant = caller.tenantId();
        String secret = newSecret();
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            WebhookEndpoint e = new WebhookEndpoint(UUID.randomUUID(), checked, null, null, clock.instant());
            rows.insert(tenant, e, keys.seal(tenant, e.id(), secret));
            log.record(LogEvent.success(tenant, caller, "notice.webhook.created", "webhook:" + e.id()));
            return new IssuedWebhookSecret(e, secret);
        }));
    }

    /** Sends the verification notice now and marks the endpoint verified if it echoes the challenge. */
    public WebhookEndpoint verify(Caller caller, UUID endpointId) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        UUID tenant = caller.tenantId();
        record Target(String url, List<String> secrets) {
        }
        Target target = TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            var sealed = rows.find(tenant, endpointId).orElseThrow(() -> new NotFound("webhook endpoint " + endpointId));
            return new Target(sealed.endpoint().url(), keys.signingSecrets(tenant, sealed, clock.instant()));
        }));
        String challenge = UUID.randomUUID().toString();
        String messageId = "msg_verify_" + UUID.randomUUID();
        String body = json.writeValueAsString(Map.of("type", "webhook.verification", "timestamp",
                clock.instant().toString(), "data", Map.of("endpointId", endpointId.toString(), "challenge", challenge)));
        String failure;
        try {
            var answer = channel.post(target.url(), messageId, target.secrets(), body);
            failure = answer.body().contains(challenge) ? null : "answer-without-challenge";
        } catch (DeliveryFailed e) {
            failure = e.kind();
        }
        String outcome = failure;
        // The refusal is logged and committed before the problem is thrown, so the failed attempt stays on record.
        WebhookEndpoint verified = TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            if (outcome != null) {
                log.record(LogEvent.of(tenant, caller, "notice.webhook.verified")
                        .object("webhook:" + endpointId + "/" + outcome).failed());
                return null;
            }
            rows.markVerified(tenant, endpointId, clock.instant());
            log.record(LogEvent.success(tenant, caller, "notice.webhook.verified", "webhook:" + endpointId));
            return rows.find(tenant, endpointId).orElseThrow().endpoint();
        }));
        if (verified == null) {
            throw new WebhookUnverified(outcome);
        }
        return verified;
    }

    /** A new secret signs from now on; the current one signs beside it for the rotation overlap. */
    public IssuedWebhookSecret rotate(Caller caller, UUID endpointId) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        UUID tenant = caller.tenantId();
        String secret = newSecret();
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            var sealed = rows.find(tenant, endpointId).orElseThrow(() -> new NotFound("webhook endpoint " + endpointId));
            Instant until = clock.instant().plus(settings.rotationOverlap());
            rows.rotate(tenant, endpointId, keys.seal(tenant, endpointId, secret), sealed.secret(), until);
            log.record(LogEvent.success(tenant, caller, "notice.webhook.rotated", "webhook:" + endpointId));
            return new IssuedWebhookSecret(rows.find(tenant, endpointId).orElseThrow().endpoint(), secret);
        }));
    }

    public void remove(Caller caller, UUID endpointId) {
        caller.require(NoticePermissions.NOTICES_MANAGE);
        UUID tenant = caller.tenantId();
        TenantScope.run(DataScope.tenant(tenant), () -> tx.executeWithoutResult(s -> {
            if (!rows.delete(tenant, endpointId)) {
                throw new NotFound("webhook endpoint " + endpointId);
            }
            log.record(LogEvent.success(tenant, caller, "notice.webhook.removed", "webhook:" + endpointId));
        }));
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return WebhookSignature.PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidField("url", "required");
        }
        if (url.length() > 2000) {
            throw new InvalidField("url", "longer than 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidField("url", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && settings.plainHttpWebhooks());
        if (!allowed) {
            throw new InvalidField("url", settings.plainHttpWebhooks() ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidField("url", "must name a host, without credentials or fragment");
        }
        if (!settings.privateWebhookAddresses() && WebhookChannel.resolvesPrivately(uri.getHost())) {
            throw new InvalidField("url", "must resolve to a public address");
        }
        return uri.toString();
    }
}
