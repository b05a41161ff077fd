package dev.steward.records;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.ActorTrail;
import dev.steward.keys.ErasureReceipt;
import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;
import dev.steward.records.internal.RecordCrypto;
import dev.steward.records.internal.Records;

/**
 * Erasure of a data subject (RIGHT-3, STOR-3): one act of constant cost, whatever the number of
 * the subject's records.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>{@link #erase} journals the erasure (fsync'd, apart from the database), deletes the
 *       subject's data key and logs the act, in one transaction and a fixed number of statements;
 *       from then on every copy of the subject's ciphertexts, in backups too, is unreadable, and
 *       the subject's records answer 410.</li>
 *   <li>Erasing twice answers the first receipt.</li>
 *   <li>{@link #purgeErased} (scheduled) deletes the rows left behind: every record whose subject
 *       has no data key any more, or whose tenant was deleted (its keys destroyed), including rows a
 *       restored backup brought back.</li>
 * </ul>
 */
@Service
public class SubjectErasure {

    private static final Logger log = LoggerFactory.getLogger(SubjectErasure.class);
    private static final int PURGE_SUBJECTS_PER_ROUND = 100;

    private final RecordCrypto crypto;
    private final Records records;
    private final RecordStore store;
    private final TransactionTemplate tx;

    SubjectErasure(RecordCrypto crypto, Records records, RecordStore store, TransactionTemplate tx) {
        this.crypto = crypto;
        this.records = records;
        this.store = store;
        this.tx = tx;
    }

    /** Destroys the subject's key; 404 when the tenant never stored a record of this subject. */
    public ErasureReceipt erase(Caller caller, String subjectId) {
        caller.require(RecordPermissions.RECORDS_ERASE);
        Inputs.subjectId(subjectId, "subjectId");
        return RecordStore.inTenant(caller, () -> {
            store.admit(caller, Action.ERASE);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                SubjectRef subject = crypto.subjectRef(t, subjectId);
                var earlier = crypto.receiptFor(t, subject);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                if (!crypto.hasDataKey(t, subject)
                        // the system log once sealed actors' fields under such names: that key is no subject's to erase
                        || ActorTrail.isLegacyKeyName(subjectId) && !records.subjectHasRecords(t, subject.hmac())) {
                    throw new NotFound("subject");
                }
                ErasureReceipt receipt = crypto.destroySubjectKey(t, subject);
                store.log(caller, Action.ERASE, subject.hmac(), null, null, "key destroyed: receipt " + receipt.id());
                return receipt;
            });
        });
    }

    /**
     * Deletes the rows of erased subjects (crypto-shredded, unreadable already). Runs across
     * tenants; each subject in a transaction of its own. Returns the number of rows deleted.
     */
    public int purgeErased() {
        return TenantScope.call(DataScope.wholeProvider(), () -> {
            int deleted = 0;
            while (true) {
                List<String[]> subjects = records.orphanedSubjects(PURGE_SUBJECTS_PER_ROUND);
                if (subjects.isEmpty()) {
                    subjects = records.orphanedVersionSubjects(PURGE_SUBJECTS_PER_ROUND);
                }
                if (subjects.isEmpty()) {
                    break;
                }
                int round = 0;
                for (String[] subject : subjects) {
                    UUID tenant = UUID.fromString(subject[0]);
                    round += TenantScope.call(DataScope.tenant(tenant),
                            () -> tx.execute(s -> records.purgeSubject(tenant, subject[1])));
                }
                deleted += round;
                if (round == 0) {
                    break;
                }
            }
            deleted += tx.execute(s -> records.purgeCategoriesOfShreddedTenants());
            if (deleted > 0) {
                log.info("purged {} rows of erased subjects and deleted tenants", deleted);
            }
            return deleted;
        });
    }
}
