package dev.steward.records.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.keys.ErasureReceipt;
import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;

/**
 * Destroys a deleted tenant's personal data (STOR-3): its key-encryption keys and pseudonymisation
 * key are destroyed through {@code keys} (journalled apart from the database, so a restored backup
 * cannot bring them back) and the act is written to the tenant's system log, in one transaction.
 * The rows, unreadable from then on, are purged in the background by
 * {@link dev.steward.records.SubjectErasure#purgeErased}. Idempotent: a redelivered event answers
 * the first receipt and logs nothing new.
 */
@Component
class TenantShredding {

    private static final Logger log = LoggerFactory.getLogger(TenantShredding.class);

    private final RecordCrypto crypto;
    private final SystemLog systemLog;
    private final TransactionTemplate tx;

    TenantShredding(RecordCrypto crypto, SystemLog systemLog, TransactionTemplate tx) {
        this.crypto = crypto;
        this.systemLog = systemLog;
        this.tx = tx;
    }

    /** Returns the erasure receipt (the first one, when the tenant was shredded before). */
    ErasureReceipt shred(UUID tenant) {
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            // A first run, or a run that crashed after the journal line but before its commit.
            boolean due = !crypto.isTenantErased(tenant) || crypto.hasTenantKeys(tenant);
            ErasureReceipt receipt = crypto.destroyTenantKeys(tenant);
            if (due) {
                systemLog.record(LogEvent.success(tenant, null, "tenant.keys-destroyed",
                        "tenant:" + tenant + " receipt " + receipt.id()));
                log.info("tenant {} deleted: its keys are destroyed (receipt {})", tenant, receipt.id());
            }
            return receipt;
        }));
    }
}
