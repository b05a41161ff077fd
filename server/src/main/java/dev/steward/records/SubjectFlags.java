package dev.steward.records;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.platform.NotFound;
import dev.steward.records.internal.AccessGuardChain;
import dev.steward.records.internal.RecordCrypto;
import dev.steward.records.internal.SubjectFlagRows;

/**
 * A subject's restriction of processing (RIGHT-3) and objection to legitimate-interest processing
 * (RIGHT-4): what the {@code rights} feature sets once the customer decides, and what the access
 * guards honour.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A change commits with its system-log entry; the next access of the subject, by any request
 *       on any node, is judged by it (the guard reads the flags at every access, nothing is cached).</li>
 *   <li>Flags are kept per tenant and subject pseudonym; the customer's identifier is not stored.</li>
 *   <li>An unknown subject answers 404; an erased one 410.</li>
 * </ul>
 */
@Service
public class SubjectFlags {

    private final RecordCrypto crypto;
    private final SubjectFlagRows rows;
    private final AccessGuardChain guards;
    private final SystemLog systemLog;
    private final TransactionTemplate tx;
    private final Clock clock;

    SubjectFlags(RecordCrypto crypto, SubjectFlagRows rows, AccessGuardChain guards, SystemLog systemLog,
            TransactionTemplate tx, Clock clock) {
        this.crypto = crypto;
        this.rows = rows;
        this.guards = guards;
        this.systemLog = systemLog;
        this.tx = tx;
        this.clock = clock;
    }

    public ProcessingFlags of(Caller caller, String subjectId) {
        caller.require(RecordPermissions.RECORDS_READ);
        Inputs.subjectId(subjectId, "subjectId");
        return RecordStore.inTenant(caller, () -> tx.execute(s -> {
            SubjectRef subject = known(caller.tenantId(), subjectId);
            return rows.find(caller.tenantId(), subject.hmac()).orElse(ProcessingFlags.NONE);
        }));
    }

    /** Sets or clears the flags {@code change} names; the others stay. Needs the right to erase subjects. */
    public ProcessingFlags change(Caller caller, String subjectId, FlagChange change) {
        caller.require(RecordPermissions.RECORDS_ERASE);
        Inputs.subjectId(subjectId, "subjectId");
        return RecordStore.inTenant(caller, () -> {
            guards.admit(caller, Action.UPDATE);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                SubjectRef subject = known(t, subjectId);
                ProcessingFlags old = rows.find(t, subject.hmac()).orElse(ProcessingFlags.NONE);
                Instant now = clock.instant();
                ProcessingFlags next = new ProcessingFlags(since(change.restricted(), old.restrictedSince(), now),
                        since(change.objected(), old.objectedSince(), now));
                rows.save(t, subject.hmac(), next, now, caller.actor());
                log(caller, subject, "restriction", old.restricted(), next.restricted());
                log(caller, subject, "objection", old.objected(), next.objected());
                return next;
            });
        });
    }

    private SubjectRef known(UUID t, String subjectId) {
        SubjectRef subject = crypto.requireLiving(t, crypto.subjectRef(t, subjectId));
        if (!crypto.hasDataKey(t, subject)) {
            throw new NotFound("subject");
        }
        return subject;
    }

    private static Instant since(Boolean wanted, Instant current, Instant now) {
        if (wanted == null) {
            return current;
        }
        return wanted ? (current != null ? current : now) : null;
    }

    private void log(Caller caller, SubjectRef subject, String flag, boolean was, boolean is) {
        if (was != is) {
            systemLog.record(LogEvent.of(caller.tenantId(), caller, "record.subject." + flag + (is ? ".set" : ".cleared"))
                    .object("subject").subject(subject.hmac()));
        }
    }
}
