package dev.steward.evidence;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.steward.evidence.internal.LedgerHolder;
import dev.steward.evidence.internal.PersonalFields;
import dev.steward.ledger.LogId;
import dev.steward.ledger.PendingEntry;
import dev.steward.platform.DataScope;

/**
 * The tamper-evident system log (PROC-1, SEC-1, INC-5). {@link #record} appends one entry to the
 * log of the event's tenant <b>inside the caller's database transaction</b>: a rolled-back act
 * leaves no entry, a committed act always has one. The entry is canonical JSON (RFC 8785, schema
 * {@code steward.log/v1}); the actor's name and source address are encrypted under the actor's
 * key, so the leaf hashes ciphertext and stays verifiable after the actor is crypto-shredded.
 */
@Service
public class SystemLog {

    public static final String SCHEMA = "steward.log/v1";
    public static final String PROVIDER_LOG = "provider";

    private final LedgerHolder ledger;
    private final PersonalFields personal;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SystemLog(LedgerHolder ledger, PersonalFields personal, DataSource dataSource, JdbcTemplate jdbc, Clock clock) {
        this.ledger = ledger;
        this.personal = personal;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The log of a tenant, keyed by the tenant's UUID and named by it, or named {@code provider} for
     * the provider tenant (the name is the log's checkpoint origin, kept as it always was).
     */
    public static LogId logOf(UUID tenantId) {
        return DataScope.PROVIDER_TENANT.equals(tenantId) ? new LogId(tenantId, PROVIDER_LOG) : LogId.of(tenantId);
    }

    public void record(LogEvent event) {
        recordAll(List.of(event));
    }

    /**
     * Records many acts in the caller's transaction, as {@link #record} does one by one but with
     * one batched insert per table: a bulk operation logs each of its acts without a round trip each.
     */
    public void recordAll(List<LogEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the system log is written inside the transaction of the act it records");
        }
        if (events.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        String requestAddress = sourceAddress();
        Map<LogId, List<LogEvent>> byLog = new LinkedHashMap<>();
        for (LogEvent event : events) {
            byLog.computeIfAbsent(logOf(event.tenantId()), l -> new ArrayList<>()).add(event);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        for (Map.Entry<LogId, List<LogEvent>> e : byLog.entrySet()) {
            List<byte[]> entries = e.getValue().stream().map(event -> entry(event, at, requestAddress)).toList();
            List<PendingEntry> pending = ledger.storage().appendAllInTransaction(connection, e.getKey(), entries);
            index(e.getKey(), e.getValue(), pending, at);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ledger.nudge();
            }
        });
    }

    private byte[] entry(LogEvent event, Instant at, String requestAddress) {
        String actorKey = actorKey(event);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("schema", SCHEMA);
        entry.put("time", at.toString());
        entry.put("tenant", event.tenantId().toString());
        entry.put("actor", actor(event));
        entry.put("action", event.action());
        entry.put("object", event.object());
        entry.put("purpose", event.purpose());
        entry.put("outcome", event.outcome());
        entry.put("subject", event.subjectRef());
        String address = event.sourceAddress() != null ? event.sourceAddress() : requestAddress;
        if (event.actorName() != null || address != null) {
            Map<String, Object> secret = new LinkedHashMap<>();
            secret.put("actorName", event.actorName());
            secret.put("sourceAddress", address);
            String id = UUID.randomUUID().toString();
            PersonalFields.Sealed sealed = personal.seal(event.tenantId(), actorKey, id, CanonicalJson.bytes(secret));
            entry.put("personal", Map.of("id", id, "key", sealed.subjectRef(),
                    "ciphertext", Base64.getEncoder().encodeToString(sealed.ciphertext())));
        }
        return CanonicalJson.bytes(entry);
    }

    /** The searchable columns of each entry, for bundles and the console. */
    private void index(LogId log, List<LogEvent> events, List<PendingEntry> pending, Instant at) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            LogEvent event = events.get(i);
            rows.add(new Object[] {event.tenantId(), pending.get(i).pendingId(), log.value(), at.atOffset(ZoneOffset.UTC),
                    event.caller() == null ? "system" : event.caller().principalId().toString(), event.action(),
                    event.object(), event.subjectRef(), event.outcome()});
        }
        jdbc.batchUpdate("INSERT INTO evidence_index (tenant_id, pending_id, log_id, at, actor_id, action, object_ref, "
                + "subject_ref, outcome) VALUES (?,?,?,?,?,?,?,?,?)", rows);
    }

    private static Map<String, Object> actor(LogEvent e) {
        Map<String, Object> actor = new LinkedHashMap<>();
        if (e.caller() == null) {
            actor.put("kind", e.actorName() == null ? "system" : "anonymous");
        } else {
            actor.put("kind", e.caller().kind().name().toLowerCase());
            actor.put("id", e.caller().principalId().toString());
            actor.put("role", e.caller().role().name());
            actor.put("tenant", e.caller().tenantId().toString());
        }
        return actor;
    }

    /**
     * Personal fields of an act are the actor's data: they go under the actor's own key, in the
     * actor namespace of the key hierarchy (never reachable from a customer's subject identifier).
     */
    private static String actorKey(LogEvent e) {
        return e.caller() == null ? ActorTrail.ANONYMOUS : ActorTrail.of(e.caller()).keyName();
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
