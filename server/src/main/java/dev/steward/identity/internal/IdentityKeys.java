package dev.steward.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.keyring.TenantKeyring;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.TenantId;

/**
 * The identity feature's use of the tenant's key hierarchy, on the caller's transaction: TOTP
 * seeds sealed under a data key of their account (bound to tenant, account and column, so a
 * sealed seed copied to another account does not open), and keyed pseudonyms of source
 * addresses. The key names begin with a control character, which no customer subject id may
 * contain (records' {@code Inputs}), so no subject request can reach or erase these keys.
 */
@Component
public class IdentityKeys {

    private static final String NAMESPACE = "\u001fidentity/";
    private static final String SEED_CONTEXT = "accounts.totp_seed";
    private static final String PURPOSE = "sign-in: check a second-factor code";

    private final TenantKeyring keyring;

    IdentityKeys(TenantKeyring keyring) {
        this.keyring = keyring;
    }

    public byte[] sealSeed(UUID tenant, UUID account, String base32Seed) {
        return keyring.seal(seedBinding(tenant, account), PersonalData.ofText(base32Seed));
    }

    /** The seed in clear, only to compute the codes it produces. */
    public String openSeedForSignIn(UUID tenant, UUID account, byte[] sealed) {
        return new String(keyring.open(seedBinding(tenant, account), sealed, PURPOSE), StandardCharsets.UTF_8);
    }

    /** A keyed pseudonym of a source address within the tenant: equal sources, equal references. */
    public String sourceRef(UUID tenant, String source) {
        return keyring.ref(tenant, NAMESPACE + "source/" + source).hmac();
    }

    private RecordBinding seedBinding(UUID tenant, UUID account) {
        return new RecordBinding(new TenantId(tenant), keyring.ref(tenant, NAMESPACE + "totp/" + account),
                "account:" + account, SEED_CONTEXT);
    }
}
