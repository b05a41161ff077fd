package dev.steward.records;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.keys.SubjectRef;
import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.ProblemException;
import dev.steward.platform.StaleVersion;
import dev.steward.platform.TenantScope;
import dev.steward.records.internal.AccessGuardChain;
import dev.steward.records.internal.RecordCrypto;
import dev.steward.records.internal.Records;
import dev.steward.records.internal.TenantRecordSettings;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.json.JsonMapper;

/**
 * The personal-data records of the caller's own tenant.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Every path enters the tenant through the {@link AccessGuard} chain (the
 *       {@link TenantStateGuard} first: a tenant whose contract is no longer active processes
 *       nothing, STOR-3), and every access of a subject's record passes the chain again with its
 *       purpose, subject and record, inside the access's transaction.</li>
 *   <li>Documents are stored only as ciphertext under the subject's data key, bound to tenant,
 *       subject, record and version; subjects only as pseudonyms. The customer's subject
 *       identifier is never stored.</li>
 *   <li>Every read and write names its {@link Purpose}; each access
 *       is written to the {@link PersonalDataAccessLog} in the same transaction, so a failed
 *       access leaves no entry and a successful one cannot lack it.</li>
 *   <li>A correction keeps the previous version (encrypted) in the record's history.</li>
 *   <li>Records of another tenant answer 404, as if they did not exist.</li>
 *   <li>An erased subject's records answer 410 {@code subject-erased}, also while their rows
 *       still wait for the purge.</li>
 *   <li>A read of a category leaves out the records a guard refuses for their subject (restricted,
 *       objected); each refusal is in the system log.</li>
 * </ul>
 */
@Service
public class RecordStore {

    /** The largest document accepted: 1 MiB of JSON. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    private final Records records;
    private final RecordCrypto crypto;
    private final TenantRecordSettings settings;
    private final AccessGuardChain guards;
    private final PersonalDataAccessLog accessLog;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;

    private final SystemLog systemLog;

    RecordStore(Records records, RecordCrypto crypto, TenantRecordSettings settings, AccessGuardChain guards,
            PersonalDataAccessLog accessLog, TransactionTemplate tx, Clock clock, JsonMapper json,
            SystemLog systemLog) {
        this.systemLog = systemLog;
        this.records = records;
        this.crypto = crypto;
        this.settings = settings;
        this.guards = guards;
        this.accessLog = accessLog;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
    }

    public RecordInfo create(Caller caller, String subjectId, NewRecord record) {
        caller.require(RecordPermissions.RECORDS_WRITE);
        Inputs.subjectId(subjectId, "subjectId");
        Inputs.required(record.purpose());
        byte[] document = Inputs.document(json, record.document(), "document");
        return inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.CREATE);
            settings.prepare(caller.tenantId());
            return tx.execute(s -> store(caller, tenant, subjectId, record, document, Action.CREATE));
        });
    }

    /**
     * Stores one validated record in the current transaction: a batch of one, so a single create and
     * a bulk import share one write path and answer the same problems (the refusal is rethrown);
     * the tenant must have been {@link TenantRecordSettings#prepare prepared}.
     */
    private RecordInfo store(Caller caller, Tenant tenant, String subjectId, NewRecord record, byte[] document,
            Action action) {
        Outcome outcome = storeAll(caller, tenant, List.of(new Batched(subjectId, record, document)), action).get(0);
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.stored();
    }

    /** One record of a batch for {@link #storeAll}: the customer's subject id, the record, its validated document. */
    record Batched(String subjectId, NewRecord record, byte[] document) {
    }

    /** What became of one record of a batch: stored (its info), or refused before anything of it was written. */
    record Outcome(RecordInfo stored, ProblemException refused) {
    }

    /**
     * Stores a batch of validated records in the current transaction, the only path by which records
     * are created, with one query or batched statement per table instead of several per record. A record refused
     * (category, purpose, erased subject, existing id) costs only itself; the answer is in the order
     * of {@code items}.
     */
    List<Outcome> storeAll(Caller caller, Tenant tenant, List<Batched> items, Action action) {
        UUID t = tenant.id();
        List<String> categories = settings.categories(t);
        Outcome[] out = new Outcome[items.size()];
        SubjectRef[] subjects = new SubjectRef[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Batched item = items.get(i);
            try {
                TenantRecordSettings.requireCategory(categories, item.record().category(), "category");
                subjects[i] = crypto.requireLiving(t, crypto.subjectRef(t, item.subjectId()));
                guards.check(Access.of(caller, tenant, action).forPurpose(Inputs.required(item.record().purpose()))
                        .ofSubject(subjects[i]).inCategory(item.record().category()));
            } catch (ProblemException e) {
                out[i] = new Outcome(null, e);
            }
        }
        refuseTakenIds(t, items, out);
        List<SubjectRef> accepted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (out[i] == null) {
                accepted.add(subjects[i]);
            }
        }
        RecordCrypto.Batch keys = crypto.batch(t, accepted);
        Instant now = clock.instant();
        List<Records.NewRow> rows = new ArrayList<>();
        List<AccessEvent> accesses = new ArrayList<>();
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (out[i] != null) {
                continue;
            }
            NewRecord record = items.get(i).record();
            UUID id = record.id() != null ? record.id() : UUID.randomUUID();
            RecordInfo info = new RecordInfo(id, subjects[i].hmac(), record.category(), Inputs.source(record.source()),
                    record.purpose(), 1, now, caller.actor(), now, caller.actor());
            try {
                rows.add(new Records.NewRow(info, keys.encrypt(subjects[i], id, 1, items.get(i).document())));
            } catch (SubjectGone e) {
                out[i] = new Outcome(null, e);
                continue;
            }
            accesses.add(accessEvent(caller, action, info.subjectRef(), id, record.purpose(), "stored"));
            events.add(logEvent(caller, action, info.subjectRef(), id, record.purpose(), "stored"));
            out[i] = new Outcome(info, null);
        }
        records.insertAll(t, rows);
        accessLog.recordAll(accesses);
        systemLog.recordAll(events);
        return List.of(out);
    }

    /** Ids the customer chose that exist already, or twice in the batch, are refused (a retried import). */
    private void refuseTakenIds(UUID t, List<Batched> items, Outcome[] out) {
        List<UUID> chosen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (out[i] == null && items.get(i).record().id() != null) {
                chosen.add(items.get(i).record().id());
            }
        }
        Set<UUID> taken = new HashSet<>(records.existing(t, chosen));
        for (int i = 0; i < items.size(); i++) {
            UUID id = items.get(i).record().id();
            if (out[i] == null && id != null && !taken.add(id)) {
                out[i] = new Outcome(null, new RecordIdTaken(id));
            }
        }
    }

    /** One record, decrypted for the named purpose. */
    public RevealedRecord read(Caller caller, UUID recordId, Purpose purpose) {
        caller.require(RecordPermissions.RECORDS_READ);
        Purpose p = Inputs.required(purpose);
        return inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.READ);
            return tx.execute(s -> {
                Records.Row row = records.find(caller.tenantId(), recordId).orElseThrow(() -> new NotFound("record"));
                return reveal(caller, tenant, row, p, Action.READ);
            });
        });
    }

    /** The records of one subject, oldest first, decrypted for the named purpose. */
    public Page<RevealedRecord> ofSubject(Caller caller, String subjectId, Purpose purpose, PageRequest page) {
        caller.require(RecordPermissions.RECORDS_READ);
        Inputs.subjectId(subjectId, "subjectId");
        Purpose p = Inputs.required(purpose);
        return inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.READ);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                SubjectRef subject = crypto.requireLiving(t, crypto.subjectRef(t, subjectId));
                long total = records.countOfSubject(t, subject.hmac());
                if (total == 0) {
                    throw new NotFound("subject");
                }
                guards.check(Access.of(caller, tenant, Action.READ).forPurpose(p).ofSubject(subject));
                List<RevealedRecord> items = new ArrayList<>();
                for (Records.Row row : records.ofSubject(t, subject.hmac(), page.offset(), page.size())) {
                    items.add(reveal(caller, tenant, row, p, Action.READ));
                }
                return new Page<>(items, page.page(), page.size(), total);
            });
        });
    }

    /**
     * Every record of one subject, oldest first, decrypted for the named purpose in one transaction:
     * one query, the subject's data key unwrapped once, the guards asked once per category (they
     * judge the subject, the purpose and the category, the same for each record of a category).
     * Each record revealed is in the access log; the system log holds one entry for the whole read.
     * A subject without records (or unknown) answers an empty list, an erased one {@link SubjectGone}.
     */
    public List<RevealedRecord> allOfSubject(Caller caller, String subjectId, Purpose purpose) {
        caller.require(RecordPermissions.RECORDS_READ);
        Inputs.subjectId(subjectId, "subjectId");
        Purpose p = Inputs.required(purpose);
        return inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.READ);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                SubjectRef subject;
                try {
                    subject = crypto.subjectRef(t, subjectId);
                } catch (NotFound noKeys) {
                    return List.<RevealedRecord>of();
                }
                crypto.requireLiving(t, subject);
                List<Records.Row> rows = records.allOfSubject(t, subject.hmac());
                if (rows.isEmpty()) {
                    return List.<RevealedRecord>of();
                }
                Set<String> checked = new HashSet<>();
                RecordCrypto.Opening opening = crypto.opening(t, subject);
                List<RevealedRecord> out = new ArrayList<>(rows.size());
                List<AccessEvent> accesses = new ArrayList<>(rows.size());
                for (Records.Row row : rows) {
                    RecordInfo info = row.info();
                    if (checked.add(info.category())) {
                        guards.check(Access.of(caller, tenant, Action.READ).forPurpose(p).ofSubject(subject)
                                .inCategory(info.category()));
                    }
                    out.add(new RevealedRecord(info, opening.decryptForPurpose(info.id(), info.version(), row.payload(),
                            p.name())));
                    accesses.add(accessEvent(caller, Action.READ, info.subjectRef(), info.id(), p, "revealed"));
                }
                accessLog.recordAll(accesses);
                systemLog.record(logEvent(caller, Action.READ, subject.hmac(), null, p,
                        "all " + rows.size() + " records revealed"));
                return out;
            });
        });
    }

    /**
     * Records of one category created in [from, to), oldest first, decrypted for the named purpose.
     * Records of erased subjects still awaiting the purge are left out.
     */
    public Page<RevealedRecord> ofCategory(Caller caller, String category, Instant from, Instant to, Purpose purpose,
            PageRequest page) {
        caller.require(RecordPermissions.RECORDS_READ);
        Purpose p = Inputs.required(purpose);
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to;
        if (!end.isAfter(start)) {
            throw new InvalidField("to", "must be after from");
        }
        return inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.READ);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                settings.requireCategory(t, category, "category");
                guards.check(Access.of(caller, tenant, Action.READ).forPurpose(p).inCategory(category));
                List<RevealedRecord> items = new ArrayList<>();
                for (Records.Row row : records.ofCategory(t, category, start, end, page.offset(), page.size())) {
                    if (!crypto.isErased(t, new SubjectRef(row.info().subjectRef()))) {
                        revealUnlessRefused(caller, tenant, row, p, Action.READ).ifPresent(items::add);
                    }
                }
                return new Page<>(items, page.page(), page.size(), records.countOfCategory(t, category, start, end));
            });
        });
    }

    /** Corrects a record: a new version, the previous one kept (encrypted) in its history. */
    public RecordInfo correct(Caller caller, UUID recordId, RecordCorrection correction) {
        caller.require(RecordPermissions.RECORDS_WRITE);
        byte[] document = Inputs.document(json, correction.document(), "document");
        return inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.UPDATE);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                Records.Row row = records.findForUpdate(t, recordId).orElseThrow(() -> new NotFound("record"));
                RecordInfo old = row.info();
                SubjectRef subject = new SubjectRef(old.subjectRef());
                crypto.requireLiving(t, subject);
                if (correction.expectedVersion() != null && correction.expectedVersion() != old.version()) {
                    throw new StaleVersion("expectedVersion", "the record is at version " + old.version(), old.version());
                }
                String category = correction.category() != null ? correction.category() : old.category();
                settings.requireCategory(t, category, "category");
                Purpose purpose = correction.purpose() != null ? correction.purpose() : old.purpose();
                guards.check(Access.of(caller, tenant, Action.UPDATE).forPurpose(purpose).ofSubject(subject)
                        .ofRecord(old.id()).inCategory(category));
                int version = old.version() + 1;
                RecordInfo next = new RecordInfo(old.id(), old.subjectRef(), category, old.source(), purpose, version,
                        old.createdAt(), old.createdBy(), clock.instant(), caller.actor());
                if (!records.replace(t, row, next, crypto.encrypt(t, subject, old.id(), version, document))) {
                    throw new StaleVersion("expectedVersion", "the record was changed meanwhile", null);
                }
                log(caller, Action.UPDATE, old.subjectRef(), old.id(), purpose, "version " + version);
                return next;
            });
        });
    }

    /** Every version of a record, oldest first, the current one last, decrypted for the named purpose. */
    public List<RevealedVersion> history(Caller caller, UUID recordId, Purpose purpose) {
        caller.require(RecordPermissions.RECORDS_READ);
        Purpose p = Inputs.required(purpose);
        return inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.READ);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                Records.Row row = records.find(t, recordId).orElseThrow(() -> new NotFound("record"));
                RecordInfo info = row.info();
                SubjectRef subject = new SubjectRef(info.subjectRef());
                crypto.requireLiving(t, subject);
                guards.check(Access.of(caller, tenant, Action.READ).forPurpose(p).ofSubject(subject).ofRecord(recordId)
                        .inCategory(info.category()));
                List<RevealedVersion> out = new ArrayList<>();
                for (Records.VersionRow v : records.versions(t, recordId)) {
                    out.add(new RevealedVersion(v.version(), v.category(), v.source(), v.purpose(), v.writtenAt(),
                            v.writtenBy(), crypto.decryptForPurpose(t, subject, recordId, v.version(), v.payload(), p.name())));
                }
                out.add(new RevealedVersion(info.version(), info.category(), info.source(), info.purpose(),
                        info.updatedAt(), info.updatedBy(),
                        crypto.decryptForPurpose(t, subject, recordId, info.version(), row.payload(), p.name())));
                log(caller, Action.READ, info.subjectRef(), recordId, p, "history of " + out.size() + " versions");
                return out;
            });
        });
    }

    /**
     * Deletes a record and its history. (Copies in backups stay readable until the subject is
     * erased, which destroys the key: see {@link SubjectErasure}.)
     */
    public void delete(Caller caller, UUID recordId) {
        caller.require(RecordPermissions.RECORDS_WRITE);
        inTenant(caller, () -> {
            Tenant tenant = admit(caller, Action.DELETE);
            return tx.execute(s -> {
                UUID t = caller.tenantId();
                Records.Row row = records.find(t, recordId).orElseThrow(() -> new NotFound("record"));
                guards.check(Access.of(caller, tenant, Action.DELETE).ofSubject(new SubjectRef(row.info().subjectRef()))
                        .ofRecord(recordId).inCategory(row.info().category()));
                records.delete(t, recordId);
                log(caller, Action.DELETE, row.info().subjectRef(), recordId, null, "deleted");
                return null;
            });
        });
    }

    public List<String> categories(Caller caller) {
        caller.require(RecordPermissions.RECORDS_READ);
        return inTenant(caller, () -> settings.categories(caller.tenantId()));
    }

    public List<String> replaceCategories(Caller caller, List<String> categories) {
        caller.require(RecordPermissions.RECORDS_CONFIGURE);
        return inTenant(caller, () -> {
            admit(caller, Action.UPDATE);
            return tx.execute(s -> {
                List<String> stored = settings.replaceCategories(caller.tenantId(), categories);
                // A configuration change, in the system log with the act.
                systemLog.record(LogEvent.success(caller.tenantId(), caller, "config.record-categories.changed",
                        "categories=" + String.join(",", stored)));
                return stored;
            });
        });
    }

    RevealedRecord reveal(Caller caller, Tenant tenant, Records.Row row, Purpose purpose, Action action) {
        RecordInfo info = row.info();
        SubjectRef subject = new SubjectRef(info.subjectRef());
        UUID t = tenant.id();
        crypto.requireLiving(t, subject);
        guards.check(Access.of(caller, tenant, action).forPurpose(purpose).ofSubject(subject).ofRecord(info.id())
                .inCategory(info.category()));
        String document = crypto.decryptForPurpose(t, subject, info.id(), info.version(), row.payload(),
                purpose.name());
        log(caller, action, info.subjectRef(), info.id(), purpose, "revealed");
        return new RevealedRecord(info, document);
    }

    /**
     * As {@link #reveal}, for reads that span subjects: a record a guard refuses for its subject
     * (the chain has logged the refusal) is left out instead of failing the whole read.
     */
    java.util.Optional<RevealedRecord> revealUnlessRefused(Caller caller, Tenant tenant, Records.Row row,
            Purpose purpose, Action action) {
        try {
            return java.util.Optional.of(reveal(caller, tenant, row, purpose, action));
        } catch (AccessRefused refused) {
            return java.util.Optional.empty();
        }
    }

    /** Every path enters the tenant here: the whole {@link AccessGuard} chain, the tenant's state first. */
    Tenant admit(Caller caller, Action action) {
        return guards.admit(caller, action);
    }

    void log(Caller caller, Action action, String subjectRef, UUID recordId, Purpose purpose, String outcome) {
        accessLog.record(accessEvent(caller, action, subjectRef, recordId, purpose, outcome));
        systemLog.record(logEvent(caller, action, subjectRef, recordId, purpose, outcome));
    }

    private AccessEvent accessEvent(Caller caller, Action action, String subjectRef, UUID recordId, Purpose purpose,
            String outcome) {
        return new AccessEvent(caller.tenantId(), clock.instant(), caller.actor(), caller.role(), action, subjectRef,
                recordId, purpose, outcome);
    }

    /**
     * The same act, for the tamper-evident system log (same transaction). Its outcome is one word
     * (success, refused, failed); a longer access-log outcome (an erasure's receipt) goes into the object.
     */
    private static LogEvent logEvent(Caller caller, Action action, String subjectRef, UUID recordId, Purpose purpose,
            String outcome) {
        boolean word = outcome.equals("success") || outcome.equals("refused") || outcome.equals("failed");
        String object = (recordId == null ? "subject" : "record:" + recordId) + (word ? "" : " " + outcome);
        String act = "record." + action.name().toLowerCase(java.util.Locale.ROOT);
        LogEvent event = LogEvent.of(caller.tenantId(), caller, act).object(object)
                .purpose(purpose == null ? null : purpose.name()).subject(subjectRef);
        return switch (outcome) {
            case "refused" -> event.refused();
            case "failed" -> event.failed();
            default -> event;
        };
    }

    static <T> T inTenant(Caller caller, Supplier<T> work) {
        return TenantScope.call(DataScope.tenant(caller.tenantId()), work);
    }
}
