package dev.steward.records;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import dev.steward.records.internal.AccessGuardChain;
import dev.steward.records.internal.LegalHoldRows;
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
 *   <li>Legal holds are honoured: when a hold covers records of the subject, the key is kept (the
 *       held records must stay readable), every record no hold covers is deleted at once, and the
 *       answer is a partial {@link ErasureOutcome} naming each hold, its reason and what it kept.</li>
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
    private final LegalHoldRows holds;
    private final AccessGuardChain guards;
    private final TransactionTemplate tx;

    SubjectErasure(RecordCrypto crypto, Records records, RecordStore store, LegalHoldRows holds,
            AccessGuardChain guards, TransactionTemplate tx) {
        this.crypto = crypto;
        this.records = records;
        this.store = store;
        this.holds = holds;
        this.guards = guards;
        this.tx = tx;
    }

    /**
     * Erases the subject: destroys its key, or, under legal holds, deletes what no hold keeps (see
     * {@link ErasureOutcome}); 404 when the tenant never stored a record of this subject.
     */
    public ErasureOutcome erase(Caller caller, String subjectId) {
        caller.require(RecordPermissions.RECORDS_ERASE);
        Inputs.subjectId(subjectId, "subjectId");
        return RecordStore.inTenant(caller, () -> {
            var tenant = guards.admit(caller, Action.ERASE);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                SubjectRef subject = crypto.subjectRef(t, subjectId);
                var earlier = crypto.receiptFor(t, subject);
                if (earlier.isPresent()) {
                    return ErasureOutcome.complete(earlier.get());
                }
                if (!crypto.hasDataKey(t, subject)
                        // the system log once sealed actors' fields under such names: that key is no subject's to erase
                        || ActorTrail.isLegacyKeyName(subjectId) && !records.subjectHasRecords(t, subject.hmac())) {
                    throw new NotFound("subject");
                }
                guards.check(Access.of(caller, tenant, Action.ERASE).ofSubject(subject));
                List<LegalHold> held = holds.ofSubject(t, subject.hmac());
                if (!held.isEmpty()) {
                    return partially(caller, t, subject, held);
                }
                ErasureReceipt receipt = crypto.destroySubjectKey(t, subject);
                store.log(caller, Action.ERASE, subject.hmac(), null, null, "key destroyed: receipt " + receipt.id());
                return ErasureOutcome.complete(receipt);
            });
        });
    }

    private ErasureOutcome partially(Caller caller, UUID t, SubjectRef subject, List<LegalHold> held) {
        boolean wholeSubject = held.stream().anyMatch(h -> h.recordId() == null);
        Set<UUID> keep = new LinkedHashSet<>();
        held.forEach(h -> keep.add(h.recordId()));
        int deleted = wholeSubject ? 0 : records.deleteSubjectExcept(t, subject.hmac(), keep);
        long kept = records.countOfSubject(t, subject.hmac());
        List<ErasureOutcome.Kept> why = held.stream()
                .map(h -> new ErasureOutcome.Kept(h.id(), h.recordId(), h.reason())).toList();
        store.log(caller, Action.ERASE, subject.hmac(), null, null, "partial: " + deleted + " records deleted, " + kept
                + " kept under legal hold " + String.join(",", held.stream().map(h -> h.id().toString()).toList()));
        return new ErasureOutcome(null, why, deleted, kept);
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
