package dev.steward.evidence;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.internal.IndexWhere;
import dev.steward.evidence.internal.LedgerHolder;
import dev.steward.evidence.internal.PersonalFields;
import dev.steward.ledger.InclusionProof;
import dev.steward.ledger.LogId;
import dev.steward.ledger.LogQueries;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.TenantScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the system logs (INC-5): a caller with EVIDENCE_READ reads its own tenant's log and
 * nothing else; another tenant's log answers 404. Tiles, checkpoints and proofs are the C2SP /
 * RFC 9162 artefacts anyone can verify offline with the log's public key.
 */
@Service
public class EvidenceLog {

    /** Purpose under which personal fields of log entries are revealed to their authorised readers. */
    public static final String PURPOSE = "evidence";

    private final LedgerHolder ledger;
    private final PersonalFields personal;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json = JsonMapper.builder().build();

    EvidenceLog(LedgerHolder ledger, PersonalFields personal, JdbcClient jdbc, TransactionTemplate tx) {
        this.ledger = ledger;
        this.personal = personal;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The tenant whose log {@code logId} is, if the caller may read it; 404 otherwise. */
    public UUID authorise(Caller caller, String logId) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        UUID tenant;
        if (SystemLog.PROVIDER_LOG.equals(logId)) {
            tenant = DataScope.PROVIDER_TENANT;
        } else {
            try {
                tenant = UUID.fromString(logId);
            } catch (IllegalArgumentException e) {
                throw new NotFound("log " + logId);
            }
        }
        if (!tenant.equals(caller.tenantId())) {
            throw new NotFound("log " + logId);
        }
        return tenant;
    }

    /** The install key's verifier key (co-signs every log's checkpoints). */
    public String vkey() {
        return ledger.vkey();
    }

    /** The verifier key of the tenant's log: its own key, named the log's origin. */
    public String vkey(UUID tenant) {
        return ledger.vkey(SystemLog.logOf(tenant));
    }

    /** The checkpoint origin of the tenant's log. */
    public String origin(UUID tenant) {
        return ledger.origin(SystemLog.logOf(tenant));
    }

    /** The latest checkpoint of the tenant's log, signed by the log's key (and the install key). */
    public Optional<byte[]> checkpoint(UUID tenant) {
        LogId log = SystemLog.logOf(tenant);
        return ledger.ledger().latestCheckpoint(log).map(cp -> ledger.attest(log, cp));
    }

    public long size(UUID tenant) {
        return integratedSize(SystemLog.logOf(tenant));
    }

    public byte[] tile(UUID tenant, int level, long index, int width) {
        return ledger.ledger().tile(SystemLog.logOf(tenant), level, index, width);
    }

    public byte[] entryBundle(UUID tenant, long index, int width) {
        return ledger.ledger().entryBundle(SystemLog.logOf(tenant), index, width);
    }

    public InclusionProof inclusion(UUID tenant, long index, Long treeSize) {
        LogId log = SystemLog.logOf(tenant);
        long integrated = integratedSize(log);
        long size = treeSize == null ? integrated : treeSize;
        if (size < 1 || size > integrated) {
            throw new InvalidField("treeSize", "must be between 1 and the integrated size " + integrated);
        }
        if (index < 0 || index >= size) {
            throw new InvalidField("index", "must be at least 0 and below the tree size " + size);
        }
        return ledger.ledger().inclusionProof(log, index, size);
    }

    public List<byte[]> consistency(UUID tenant, long from, long to) {
        LogId log = SystemLog.logOf(tenant);
        long integrated = integratedSize(log);
        if (to < 1 || to > integrated) {
            throw new InvalidField("to", "must be between 1 and the integrated size " + integrated);
        }
        if (from < 1 || from > to) {
            throw new InvalidField("from", "must be between 1 and to (" + to + ")");
        }
        return ledger.ledger().consistencyProof(log, from, to);
    }

    private long integratedSize(LogId log) {
        try {
            return ledger.ledger().size(log);
        } catch (dev.steward.ledger.UnknownLog e) {
            return 0;
        }
    }

    /** Entries of the tenant's log, newest first, with their personal fields opened for {@link #PURPOSE}. */
    public Page<LogEntryView> entries(UUID tenant, EntryFilter filter, PageRequest page) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidField("to", "must be after from");
        }
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            IndexWhere where = IndexWhere.of(tenant, null, filter);
            long total = jdbc.sql("SELECT COUNT(*) FROM evidence_index i" + where.sql()).params(where.params())
                    .query(Long.class).single();
            List<Object> pageParams = new ArrayList<>(where.params());
            pageParams.add(page.size());
            pageParams.add(page.offset());
            List<Long> pendingIds = jdbc.sql("SELECT i.pending_id FROM evidence_index i" + where.sql()
                    + " ORDER BY i.at DESC, i.pending_id DESC LIMIT ? OFFSET ?").params(pageParams).query(Long.class).list();
            LogId log = SystemLog.logOf(tenant);
            Map<Long, LogQueries.QueuedEntry> found = ledger.ledger().entriesOfPending(log, pendingIds);
            long integratedSize = integratedSize(log);
            List<LogEntryView> views = new ArrayList<>();
            for (Long id : pendingIds) {
                LogQueries.QueuedEntry e = found.get(id);
                Long index = e == null ? null : e.index();
                views.add(view(tenant, index, index != null && index < integratedSize, e == null ? null : e.entry()));
            }
            return new Page<>(views, page.page(), page.size(), total);
        }));
    }

    private LogEntryView view(UUID tenant, Long index, boolean integrated, byte[] entry) {
        if (entry == null) {
            // an indexed entry the ledger does not hold (it never should): listed without its body rather than hidden
            return new LogEntryView(index, integrated, null, null, null, null, null, null, Map.of(), null, null, false);
        }
        JsonNode e = json.readTree(new String(entry, StandardCharsets.UTF_8));
        String actorName = null;
        String address = null;
        boolean erased = false;
        JsonNode p = e.get("personal");
        if (p != null && !p.isNull()) {
            Optional<byte[]> opened = personal.open(tenant, p.get("key").asString(), p.get("id").asString(),
                    Base64.getDecoder().decode(p.get("ciphertext").asString()), PURPOSE);
            if (opened.isPresent()) {
                JsonNode fields = json.readTree(new String(opened.get(), StandardCharsets.UTF_8));
                actorName = text(fields.get("actorName"));
                address = text(fields.get("sourceAddress"));
            } else {
                erased = true;
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> actor = json.convertValue(e.get("actor"), Map.class);
        return new LogEntryView(index, integrated, OffsetDateTime.parse(e.get("time").asString()).toInstant(),
                text(e.get("action")), text(e.get("object")), text(e.get("purpose")), text(e.get("outcome")),
                text(e.get("subject")), actor, actorName, address, erased);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }
}
