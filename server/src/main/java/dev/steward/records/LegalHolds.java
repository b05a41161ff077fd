package dev.steward.records;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.records.internal.AccessGuardChain;
import dev.steward.records.internal.LegalHoldRows;
import dev.steward.records.internal.RecordCrypto;
import dev.steward.records.internal.Records;

/**
 * Legal holds on a subject's records (STOR-2: legally required retention). While a hold lasts, the
 * records it covers are not deleted, and the subject's erasure keeps them (and the key that reads
 * them), saying which and why ({@link SubjectErasure}).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Placing and releasing a hold commit with their system-log entry.</li>
 *   <li>A hold names a subject the tenant holds records of (404 otherwise, 410 once erased), and
 *       optionally one record of that subject.</li>
 *   <li>Another tenant's hold answers 404.</li>
 * </ul>
 */
@Service
public class LegalHolds {

    static final int MAX_REASON = 500;

    private final RecordCrypto crypto;
    private final Records records;
    private final LegalHoldRows rows;
    private final AccessGuardChain guards;
    private final SystemLog systemLog;
    private final TransactionTemplate tx;
    private final Clock clock;

    LegalHolds(RecordCrypto crypto, Records records, LegalHoldRows rows, AccessGuardChain guards, SystemLog systemLog,
            TransactionTemplate tx, Clock clock) {
        this.crypto = crypto;
        this.records = records;
        this.rows = rows;
        this.guards = guards;
        this.systemLog = systemLog;
        this.tx = tx;
        this.clock = clock;
    }

    public LegalHold place(Caller caller, String subjectId, NewHold hold) {
        caller.require(RecordPermissions.RECORDS_ERASE);
        Inputs.subjectId(subjectId, "subjectId");
        String reason = reason(hold.reason());
        return RecordStore.inTenant(caller, () -> {
            guards.admit(caller, Action.UPDATE);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                SubjectRef subject = known(t, subjectId);
                if (hold.recordId() != null && records.find(t, hold.recordId())
                        .filter(r -> r.info().subjectRef().equals(subject.hmac())).isEmpty()) {
                    throw new InvalidField("recordId", "is not a record of this subject");
                }
                LegalHold placed = new LegalHold(UUID.randomUUID(), subject.hmac(), hold.recordId(), reason,
                        clock.instant(), caller.actor());
                rows.insert(t, placed);
                log(caller, placed, "placed");
                return placed;
            });
        });
    }

    public List<LegalHold> ofSubject(Caller caller, String subjectId) {
        caller.require(RecordPermissions.RECORDS_READ);
        Inputs.subjectId(subjectId, "subjectId");
        return RecordStore.inTenant(caller, () -> tx.execute(s -> {
            SubjectRef subject = known(caller.tenantId(), subjectId);
            return rows.ofSubject(caller.tenantId(), subject.hmac());
        }));
    }

    public void release(Caller caller, UUID holdId) {
        caller.require(RecordPermissions.RECORDS_ERASE);
        RecordStore.inTenant(caller, () -> {
            guards.admit(caller, Action.UPDATE);
            return tx.execute(s -> {
                LegalHold hold = rows.find(caller.tenantId(), holdId).orElseThrow(() -> new NotFound("legal hold"));
                rows.delete(caller.tenantId(), holdId);
                log(caller, hold, "released");
                return null;
            });
        });
    }

    private SubjectRef known(UUID t, String subjectId) {
        SubjectRef subject = crypto.requireLiving(t, crypto.subjectRef(t, subjectId));
        if (!records.subjectHasRecords(t, subject.hmac())) {
            throw new NotFound("subject");
        }
        return subject;
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidField("reason", "is required: name the legal ground of the hold");
        }
        if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField("reason", "must be 1 to " + MAX_REASON + " characters without control characters");
        }
        return reason.strip();
    }

    private void log(Caller caller, LegalHold hold, String act) {
        systemLog.record(LogEvent.of(caller.tenantId(), caller, "record.hold." + act)
                .object("hold:" + hold.id() + (hold.recordId() == null ? "" : " record:" + hold.recordId()))
                .subject(hold.subjectRef()));
    }
}
