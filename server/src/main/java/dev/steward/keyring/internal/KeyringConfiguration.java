package dev.steward.keyring.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.ErasureJournal;
import dev.steward.keys.IntegrityEventListener;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.KeysException;
import dev.steward.keys.MasterKeyService;
import dev.steward.keys.ReplayReport;
import dev.steward.keys.TenantId;
import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;

/**
 * Wires the {@code keys} module into the server: the local master key, the erasure journal
 * (replayed at every start, so a restored backup never brings an erased subject back), the key
 * hierarchy and the envelope encryptor. A missing or wrong master key stops the start with a
 * message naming the cause.
 */
@Configuration(proxyBeanMethods = false)
class KeyringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeyringConfiguration.class);

    @Bean(destroyMethod = "close")
    ErasureJournal erasureJournal(@Value("${steward.data-dir}") Path dataDir, Clock clock) {
        return ErasureJournal.open(dataDir.resolve("keys").resolve("erasures.journal"), clock);
    }

    /**
     * Opening the master key can be deliberately slow (PBKDF2, 600,000 iterations for a chosen
     * passphrase), so it runs on a thread of its own, started by {@link MasterKeyEarlyOpen} before the context when the key file
     * exists, else here; {@link #masterKeyCheck} waits for it before the start completes.
     * JdbcClient is a parameter so that Flyway has migrated before the key tables are read.
     */
    @Bean
    MasterKeyService masterKey(@Value(MasterKeyEarlyOpen.DATA_DIR) Path dataDir,
            @Value(MasterKeyEarlyOpen.PASSPHRASE) String passphrase,
            @Value(MasterKeyEarlyOpen.GENERATE) boolean generate, JdbcClient jdbc) {
        MasterKeyEarlyOpen.Request request = MasterKeyEarlyOpen.Request.of(dataDir, passphrase, generate);
        return MasterKeyEarlyOpen.take(request)
                .orElseGet(() -> MasterKeyEarlyOpen.open(request, anyTenantKeys(jdbc) != null));
    }

    @Bean
    KeyHierarchy keyHierarchy(DataSource dataSource, MasterKeyService master, ErasureJournal journal, Clock clock) {
        // Joins the caller's Spring transaction when KeyHierarchy takes a connection of its own.
        DataSource joining = new TransactionAwareDataSourceProxy(dataSource);
        KeyHierarchy keys = new KeyHierarchy(joining, master, journal, clock, KeyHierarchy.DEFAULT_DATA_KEY_CACHE_SIZE);
        ReplayReport replay = TenantScope.call(DataScope.wholeProvider(), () -> journal.replay(joining));
        if (replay.subjectKeysDestroyed() + replay.tenantKeysDestroyed() + replay.receiptsRestored() > 0) {
            log.warn("erasure journal replay destroyed again {} subject keys and {} tenants' keys, restored {} receipts"
                    + " (a restored backup?)", replay.subjectKeysDestroyed(), replay.tenantKeysDestroyed(),
                    replay.receiptsRestored());
        }
        return keys;
    }

    /** Before the start completes: the master key opened, and it opens the keys in the database. */
    @Bean
    SmartInitializingSingleton masterKeyCheck(MasterKeyService master, KeyHierarchy keys, JdbcClient jdbc) {
        return () -> {
            if (master instanceof OpeningMasterKey opening) {
                opening.opened();
            }
            probe(keys, anyTenantKeys(jdbc), master);
        };
    }

    @Bean
    EnvelopeEncryptor envelopeEncryptor(KeyHierarchy keys, IntegrityEventListener listener, Clock clock) {
        return new EnvelopeEncryptor(keys, listener, clock);
    }

    @Bean
    IntegrityEventListener integrityEventListener() {
        return new LoggingIntegrityListener();
    }

    /** Unwraps one existing tenant key: a master key that opens but is not the right one fails here, at start. */
    private static void probe(KeyHierarchy keys, UUID tenant, MasterKeyService master) {
        if (tenant == null) {
            return;
        }
        try {
            TenantScope.call(DataScope.tenant(tenant), () -> keys.subjectRef(new TenantId(tenant), "steward:start-probe"));
        } catch (KeysException e) {
            throw new IllegalStateException("Steward cannot start: the master key (" + master.describe()
                    + ") does not open the keys in the database, it is not the master key they were wrapped with: "
                    + e.getMessage(), e);
        }
    }

    private static UUID anyTenantKeys(JdbcClient jdbc) {
        List<UUID> ids = TenantScope.call(DataScope.wholeProvider(),
                () -> jdbc.sql("SELECT tenant_id FROM keys_tenant ORDER BY tenant_id FETCH FIRST 1 ROWS ONLY")
                        .query(UUID.class).list());
        return ids.isEmpty() ? null : ids.get(0);
    }
}
