package dev.steward.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantId;
import dev.steward.keys.TenantUnknown;

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

    private final KeyHierarchy keys;
    private final EnvelopeEncryptor encryptor;
    private final DataSource dataSource;
    private final TransactionTemplate separate;

    IdentityKeys(KeyHierarchy keys, EnvelopeEncryptor encryptor, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.keys = keys;
        this.encryptor = encryptor;
        this.dataSource = dataSource;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public byte[] sealSeed(UUID tenant, UUID account, String base32Seed) {
        PersonalData data = PersonalData.ofText(base32Seed);
        try {
            return encryptor.encrypt(connection(), seedBinding(tenant, account), data);
        } finally {
            data.wipe();
        }
    }

    /** The seed in clear, only to compute the codes it produces. */
    public String openSeedForSignIn(UUID tenant, UUID account, byte[] sealed) {
        return new String(encryptor.decryptForPurpose(connection(), seedBinding(tenant, account), sealed, PURPOSE),
                StandardCharsets.UTF_8);
    }

    /** A keyed pseudonym of a source address within the tenant: equal sources, equal references. */
    public String sourceRef(UUID tenant, String source) {
        return ref(tenant, "source/" + source).hmac();
    }

    private RecordBinding seedBinding(UUID tenant, UUID account) {
        return new RecordBinding(new TenantId(tenant), ref(tenant, "totp/" + account), "account:" + account,
                SEED_CONTEXT);
    }

    private SubjectRef ref(UUID tenant, String name) {
        TenantId t = new TenantId(tenant);
        try {
            return keys.subjectRef(connection(), t, NAMESPACE + name);
        } catch (TenantUnknown e) {
            createTenantKeys(t);
            return keys.subjectRef(connection(), t, NAMESPACE + name);
        }
    }

    /** In a transaction of its own, so two first uses in a tenant cannot fail each other's act. */
    private void createTenantKeys(TenantId tenant) {
        try {
            separate.executeWithoutResult(s -> keys.createTenantKeys(DataSourceUtils.getConnection(dataSource), tenant));
        } catch (RuntimeException createdMeanwhile) {
            // another transaction created them first; the retry reads theirs
        }
    }

    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }
}
