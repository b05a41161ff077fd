package dev.steward.notices.internal;

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

    private final KeyHierarchy keys;
    private final EnvelopeEncryptor encryptor;
    private final DataSource dataSource;
    private final TransactionTemplate separate;

    NoticeKeys(KeyHierarchy keys, EnvelopeEncryptor encryptor, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.keys = keys;
        this.encryptor = encryptor;
        this.dataSource = dataSource;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public byte[] seal(UUID tenant, UUID endpoint, String secret) {
        PersonalData data = PersonalData.ofText(secret);
        try {
            return encryptor.encrypt(connection(), binding(tenant, endpoint), data);
        } finally {
            data.wipe();
        }
    }

    /** The secret in clear, only to sign what is sent to its endpoint. */
    public String openToSign(UUID tenant, UUID endpoint, byte[] sealed) {
        return new String(encryptor.decryptForPurpose(connection(), binding(tenant, endpoint), sealed, PURPOSE),
                StandardCharsets.UTF_8);
    }

    /** The secrets that sign for an endpoint at {@code now}: its current one, and the previous one during a rotation. */
    public java.util.List<String> signingSecrets(UUID tenant, WebhookRows.Sealed sealed, java.time.Instant now) {
        String current = openToSign(tenant, sealed.endpoint().id(), sealed.secret());
        java.time.Instant until = sealed.endpoint().previousSecretUntil();
        if (sealed.previousSecret() == null || until == null || !now.isBefore(until)) {
            return java.util.List.of(current);
        }
        return java.util.List.of(current, openToSign(tenant, sealed.endpoint().id(), sealed.previousSecret()));
    }

    private RecordBinding binding(UUID tenant, UUID endpoint) {
        return new RecordBinding(new TenantId(tenant), ref(tenant, "webhook/" + endpoint), "webhook:" + endpoint, CONTEXT);
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
