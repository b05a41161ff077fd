package dev.steward.records.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.platform.InvalidField;

/**
 * Per-tenant record settings: the allowed categories (defaults on first use), and the tenant's keys,
 * created lazily on the first write in a short transaction of their own so two first writes racing
 * cannot fail each other's transaction.
 */
@Component
public class TenantRecordSettings {

    public static final List<String> DEFAULT_CATEGORIES = List.of("identity", "contact", "account", "session",
            "connection", "settings", "usage", "billing", "other");
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final JdbcClient jdbc;
    private final RecordCrypto crypto;
    private final TransactionTemplate newTx;
    private final Clock clock;
    private final Set<UUID> ready = ConcurrentHashMap.newKeySet();

    TenantRecordSettings(JdbcClient jdbc, RecordCrypto crypto, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.newTx = new TransactionTemplate(tx.getTransactionManager());
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Makes sure the tenant has its keys and its categories; call before the write's own transaction. */
    public void prepare(UUID tenant) {
        if (ready.contains(tenant)) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                newTx.executeWithoutResult(s -> {
                    crypto.createTenantKeys(tenant);
                    if (categoryCount(tenant) == 0) {
                        insertCategories(tenant, DEFAULT_CATEGORIES);
                    }
                });
                ready.add(tenant);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 2) {
                    throw e;
                }
                // another first write created them meanwhile: the next attempt finds them
            }
        }
    }

    public List<String> categories(UUID tenant) {
        List<String> stored = jdbc.sql("SELECT category FROM record_categories WHERE tenant_id = ? ORDER BY category")
                .param(tenant).query(String.class).list();
        return stored.isEmpty() ? DEFAULT_CATEGORIES : stored;
    }

    public void requireCategory(UUID tenant, String category, String field) {
        requireCategory(categories(tenant), category, field);
    }

    /** As {@link #requireCategory(UUID, String, String)} against categories read once, for a batch. */
    public static void requireCategory(List<String> categories, String category, String field) {
        if (category == null || category.isBlank()) {
            throw new InvalidField(field, "is required (one of " + categories + ")");
        }
        if (!categories.contains(category)) {
            throw new InvalidField(field, "'" + (category.length() > 40 ? category.substring(0, 40) + "…" : category)
                    + "' is not a category of this tenant (one of " + categories + ")");
        }
    }

    /** Replaces the allowed categories; existing records keep theirs. Runs in the caller's transaction. */
    public List<String> replaceCategories(UUID tenant, List<String> categories) {
        if (categories == null || categories.isEmpty()) {
            throw new InvalidField("categories", "name at least one category");
        }
        for (int i = 0; i < categories.size(); i++) {
            String c = categories.get(i);
            if (c == null || !CATEGORY.matcher(c).matches()) {
                throw new InvalidField("categories[" + i + "]", "1 to 40 lower-case letters, digits or hyphens");
            }
        }
        jdbc.sql("DELETE FROM record_categories WHERE tenant_id = ?").param(tenant).update();
        insertCategories(tenant, categories.stream().distinct().toList());
        return categories(tenant);
    }

    private long categoryCount(UUID tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM record_categories WHERE tenant_id = ?").param(tenant).query(Long.class)
                .single();
    }

    private void insertCategories(UUID tenant, List<String> categories) {
        var now = Records.utc(clock.instant());
        for (String c : categories) {
            jdbc.sql("INSERT INTO record_categories (tenant_id, category, created_at) VALUES (?,?,?)")
                    .params(tenant, c, now).update();
        }
    }
}
