package dev.steward.records;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.ProblemException;
import dev.steward.platform.TenantScope;
import dev.steward.records.ImportReport.Line;
import dev.steward.records.internal.AccessGuardChain;
import dev.steward.records.internal.NdjsonLines;
import dev.steward.records.internal.RecordCrypto;
import dev.steward.records.internal.Records;
import dev.steward.records.internal.TenantRecordSettings;
import dev.steward.tenancy.Tenant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import (NDJSON, streamed) and export (NDJSON, decrypted for a named purpose).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Import reads the stream line by line; lines are stored in batches of {@value #BATCH} (or
 *       {@value #BATCH_BYTES} document bytes) per transaction, {@code steward.records.import-parallelism}
 *       batches at a time (default 2: one is encrypted while the database writes another), and the
 *       stream is read no further while that many wait, so memory stays bounded. Each batch commits
 *       on its own: a crash leaves whole lines
 *       or none, and the report names every stored line with its record id and every rejected
 *       line with the field and the reason. A line may carry its own {@code id}, so a retry after
 *       a crash rejects the lines already stored instead of storing them twice.</li>
 *   <li>Export decrypts in chunks, each chunk's accesses logged in the chunk's transaction before
 *       its lines are sent.</li>
 * </ul>
 */
@Service
public class RecordTransfer {

    private static final Logger log = LoggerFactory.getLogger(RecordTransfer.class);
    static final int BATCH = 500;
    /** A batch also ends at this many document bytes, so 500 large documents do not sit in memory at once. */
    static final long BATCH_BYTES = 8L * 1024 * 1024;
    static final int EXPORT_CHUNK = 200;
    /** A line holds one document and its envelope. */
    static final int MAX_LINE = RecordStore.MAX_DOCUMENT_BYTES + 64 * 1024;

    private final RecordStore store;
    private final RecordCrypto crypto;
    private final Records records;
    private final TenantRecordSettings settings;
    private final AccessGuardChain guards;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final int parallelism;
    private final ExecutorService workers;

    RecordTransfer(RecordStore store, RecordCrypto crypto, Records records, TenantRecordSettings settings,
            AccessGuardChain guards, TransactionTemplate tx, JsonMapper json,
            @Value("${steward.records.import-parallelism:2}") int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("steward.records.import-parallelism must be at least 1");
        }
        this.parallelism = parallelism;
        this.workers = Executors.newFixedThreadPool(parallelism,
                Thread.ofPlatform().name("records-import-", 1).daemon().factory());
        this.store = store;
        this.crypto = crypto;
        this.records = records;
        this.settings = settings;
        this.guards = guards;
        this.tx = tx;
        this.json = json;
    }

    private record Parsed(int line, String subjectId, NewRecord record, byte[] document) {
    }

    /**
     * Imports NDJSON lines {@code {"subjectId":…, "category":…, "source":…, "purpose":…, "document":{…}, "id":…}};
     * {@code purpose} defaults to {@code defaultPurpose} (may be {@code null}: each line names its own),
     * {@code source} to CUSTOMER.
     */
    public ImportReport importNdjson(Caller caller, InputStream in, Purpose defaultPurpose) {
        caller.require(RecordPermissions.RECORDS_WRITE);
        return RecordStore.inTenant(caller, () -> {
            Tenant tenant = store.admit(caller, Action.IMPORT);
            settings.prepare(caller.tenantId());
            NdjsonLines lines = new NdjsonLines(in, MAX_LINE);
            ImportReport.Tally results = new ImportReport.Tally(ImportReport.LISTED);
            Deque<Future<List<Line>>> inFlight = new ArrayDeque<>();
            List<Parsed> batch = new ArrayList<>();
            long batchBytes = 0;
            int count = 0;
            try {
                for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                    count = line.number();
                    if (line.bytes().length == 0 && !line.tooLong()) {
                        continue;
                    }
                    try {
                        Parsed parsed = parse(line, defaultPurpose);
                        batch.add(parsed);
                        batchBytes += parsed.document().length;
                    } catch (ProblemException e) {
                        results.add(rejection(line.number(), e));
                    }
                    if (batch.size() == BATCH || batchBytes >= BATCH_BYTES) {
                        submit(caller, tenant, batch, inFlight, results);
                        batch = new ArrayList<>();
                        batchBytes = 0;
                    }
                }
                submit(caller, tenant, batch, inFlight, results);
            } finally {
                // Batches already handed to a worker finish (and commit) whatever happened here,
                // so their lines are always in the report of a completed import.
                while (!inFlight.isEmpty()) {
                    results.addAll(await(inFlight.poll()));
                }
            }
            return results.report(count);
        });
    }

    /**
     * Hands a batch to a worker, first waiting for the oldest when {@code parallelism} are in
     * flight: the stream is read only as fast as batches are stored, so memory stays bounded.
     */
    private void submit(Caller caller, Tenant tenant, List<Parsed> batch, Deque<Future<List<Line>>> inFlight,
            ImportReport.Tally results) {
        if (batch.isEmpty()) {
            return;
        }
        if (inFlight.size() >= parallelism) {
            results.addAll(await(inFlight.poll()));
        }
        DataScope scope = TenantScope.required();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        inFlight.add(workers.submit(() -> {
            RequestContextHolder.setRequestAttributes(request);
            try {
                return TenantScope.call(scope, () -> storeBatch(caller, tenant, batch));
            } finally {
                RequestContextHolder.resetRequestAttributes();
            }
        }));
    }

    private static List<Line> await(Future<List<Line>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an import batch was stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("import batch failed", e.getCause());
        }
    }

    @PreDestroy
    void stopWorkers() {
        workers.shutdown();
    }

    private Parsed parse(NdjsonLines.Line line, Purpose defaultPurpose) {
        if (line.tooLong()) {
            throw new DocumentTooLarge("document");
        }
        JsonNode node;
        try {
            node = json.readTree(line.bytes());
        } catch (JacksonException e) {
            throw new InvalidField("line", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidField("line", "must be a JSON object");
        }
        String subjectId = Inputs.subjectId(text(node, "subjectId"), "subjectId");
        JsonNode document = node.get("document");
        if (document == null || !document.isObject()) {
            throw new InvalidField("document", "is required: a JSON object");
        }
        byte[] bytes = Inputs.document(json, json.writeValueAsBytes(document), "document");
        RecordSource source;
        try {
            String s = text(node, "source");
            source = s == null ? RecordSource.CUSTOMER : RecordSource.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("source", "must be CUSTOMER or SERVICE_USAGE");
        }
        UUID id = null;
        String idText = text(node, "id");
        if (idText != null) {
            try {
                id = UUID.fromString(idText);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("id", "must be a UUID");
            }
        }
        Purpose named = Purpose.namedIfGiven(text(node, "purpose"), "purpose");
        Purpose purpose = named != null ? named : defaultPurpose;
        if (purpose == null) {
            throw new PurposeNotAllowed("is required: on the line or in the Purpose header");
        }
        return new Parsed(line.number(), subjectId, new NewRecord(id, text(node, "category"), source, purpose, bytes),
                bytes);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidField(field, "must be a string");
        }
        return v.asString();
    }

    /** One transaction for the batch; should it fail as a whole, each line again alone, so one bad line costs only itself. */
    private List<Line> storeBatch(Caller caller, Tenant tenant, List<Parsed> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return tx.execute(s -> storeLines(caller, tenant, batch));
        } catch (RuntimeException e) {
            log.warn("import batch of {} lines failed ({}); storing its lines one by one", batch.size(),
                    e.getClass().getSimpleName());
            List<Line> out = new ArrayList<>();
            for (Parsed p : batch) {
                try {
                    out.addAll(tx.execute(s -> storeLines(caller, tenant, List.of(p))));
                } catch (RuntimeException lineFailure) {
                    out.add(Line.rejected(p.line(), "line", "store-failed", "could not be stored; nothing was written"));
                }
            }
            return out;
        }
    }

    /** Refusals are decided before any statement of the batch runs, so the accepted lines still commit. */
    private List<Line> storeLines(Caller caller, Tenant tenant, List<Parsed> lines) {
        List<RecordStore.Outcome> outcomes = store.storeAll(caller, tenant, lines.stream()
                .map(p -> new RecordStore.Batched(p.subjectId(), p.record(), p.document())).toList(), Action.IMPORT);
        List<Line> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            RecordStore.Outcome o = outcomes.get(i);
            out.add(o.stored() != null ? Line.stored(lines.get(i).line(), o.stored().id())
                    : rejection(lines.get(i).line(), o.refused()));
        }
        return out;
    }

    private static Line rejection(int line, ProblemException e) {
        String field = "line";
        Object errors = e.properties().get("errors");
        if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof java.util.Map<?, ?> m
                && m.get("field") != null) {
            field = m.get("field").toString();
        } else if (e instanceof SubjectGone) {
            field = "subjectId";
        }
        String slug = e.type().toString().substring(e.type().toString().lastIndexOf(':') + 1);
        return Line.rejected(line, field, slug, e.getMessage());
    }

    /** Streams a subject's records, decrypted for the purpose, to {@code sink}; 404 for an unknown subject. */
    public void exportSubject(Caller caller, String subjectId, Purpose purpose, Consumer<RevealedRecord> sink) {
        caller.require(RecordPermissions.RECORDS_READ);
        Inputs.subjectId(subjectId, "subjectId");
        Purpose p = Inputs.required(purpose);
        RecordStore.inTenant(caller, () -> {
            Tenant tenant = store.admit(caller, Action.EXPORT);
            UUID t = caller.tenantId();
            SubjectRef subject = tx.execute(s -> {
                SubjectRef ref = crypto.requireLiving(t, crypto.subjectRef(t, subjectId));
                if (!records.subjectHasRecords(t, ref.hmac())) {
                    throw new NotFound("subject");
                }
                guards.check(Access.of(caller, tenant, Action.EXPORT).forPurpose(p).ofSubject(ref));
                return ref;
            });
            stream(caller, tenant, p, after -> records.chunkOfSubject(t, subject.hmac(), after, EXPORT_CHUNK), sink,
                    false);
            return null;
        });
    }

    /**
     * Streams a category's records, decrypted for the purpose; erased subjects' leftovers are skipped,
     * and so are the records a guard refuses for their subject (each refusal logged).
     */
    public void exportCategory(Caller caller, String category, Purpose purpose, Consumer<RevealedRecord> sink) {
        caller.require(RecordPermissions.RECORDS_READ);
        Purpose p = Inputs.required(purpose);
        RecordStore.inTenant(caller, () -> {
            Tenant tenant = store.admit(caller, Action.EXPORT);
            UUID t = caller.tenantId();
            tx.execute(s -> {
                settings.requireCategory(t, category, "category");
                guards.check(Access.of(caller, tenant, Action.EXPORT).forPurpose(p).inCategory(category));
                return null;
            });
            stream(caller, tenant, p, after -> records.chunkOfCategory(t, category, after, EXPORT_CHUNK), sink, true);
            return null;
        });
    }

    private void stream(Caller caller, Tenant tenant, Purpose purpose,
            java.util.function.Function<UUID, List<Records.Row>> chunk, Consumer<RevealedRecord> sink,
            boolean acrossSubjects) {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Records.Row> rows = new ArrayList<>();
            List<RevealedRecord> revealed = tx.execute(s -> {
                rows.addAll(chunk.apply(from));
                List<RevealedRecord> out = new ArrayList<>();
                for (Records.Row row : rows) {
                    if (crypto.isErased(tenant.id(), new SubjectRef(row.info().subjectRef()))) {
                        continue;
                    }
                    if (acrossSubjects) {
                        store.revealUnlessRefused(caller, tenant, row, purpose, Action.EXPORT).ifPresent(out::add);
                    } else {
                        out.add(store.reveal(caller, tenant, row, purpose, Action.EXPORT));
                    }
                }
                return out;
            });
            revealed.forEach(sink);
            if (rows.size() < EXPORT_CHUNK) {
                return;
            }
            after = rows.get(rows.size() - 1).info().id();
        }
    }
}
