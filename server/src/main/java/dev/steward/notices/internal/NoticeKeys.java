package dev.steward.notices.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.keyring.TenantKeyring;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.TenantId;

/**
 * Webhook signing secrets sealed under a data key of their endpoint in the tenant's key hierarchy
 * (bound to tenant, endpoint and column: a sealed secret copied to another endpoint does not open),
 * as identity seals TOTP seeds. The key names begin with a control character no customer subject id
 * may contain, so no subject request reaches or erases them.
 */
@Component
public class NoticeKeys {

    private static final String NAMESPACE = "\u001fnotices/";
    private static final String CONTEXT = "notice_webhooks.secret";
    private static final String PURPOSE = "notices: sign a webhook delivery";

    private final TenantKeyring keyring;

    NoticeKeys(TenantKeyring keyring) {
        this.keyring = keyring;
    }

    public byte[] seal(UUID tenant, UUID endpoint, String secret) {
        return keyring.seal(binding(tenant, endpoint), PersonalData.ofText(secret));
    }

    /** The secret in clear, only to sign what is sent to its endpoint. */
    public String openToSign(UUID tenant, UUID endpoint, byte[] sealed) {
        return new String(keyring.open(binding(tenant, endpoint), sealed, PURPOSE), StandardCharsets.UTF_8);
    }

    /** The secrets that sign for an endpoint at {@code now}: its current one, and the previous one during a rotation. */
    public List<String> signingSecrets(UUID tenant, WebhookRows.Sealed sealed, Instant now) {
        String current = openToSign(tenant, sealed.endpoint().id(), sealed.secret());
        Instant until = sealed.endpoint().previousSecretUntil();
        if (sealed.previousSecret() == null || until == null || !now.isBefore(until)) {
            return List.of(current);
        }
        return List.of(current, openToSign(tenant, sealed.endpoint().id(), sealed.previousSecret()));
    }

    private RecordBinding binding(UUID tenant, UUID endpoint) {
        return new RecordBinding(new TenantId(tenant), keyring.ref(tenant, NAMESPACE + "webhook/" + endpoint),
                "webhook:" + endpoint, CONTEXT);
    }
}
