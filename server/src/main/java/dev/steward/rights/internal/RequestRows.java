package dev.steward.rights.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.rights.RequestChannel;
import dev.steward.rights.RequestState;
import dev.steward.rights.RequestType;
import dev.steward.rights.Step;

/** The rights feature's tables: requests, their clock's pauses and their steps. */
@Repository
public class RequestRows {

    private static final String COLUMNS = "tenant_id, request_id, request_type, channel, state, received_at,"
            + " subject_key, personal, extension_months, extended_at, outcome, reminded_at, overdue_alerted_at,"
            + " answered_at, version";

    private final JdbcClient jdbc;

    RequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open request of this subject and type, if any. */
    public Optional<UUID> openOf(UUID tenant, String openKey) {
        return jdbc.sql("SELECT request_id FROM rights_requests WHERE tenant_id = ? AND open_key = ?")
                .params(tenant, openKey).query(UUID.class).optional();
    }

    public void insert(RequestRow r, Instant now) {
        jdbc.sql("INSERT INTO rights_requests (" + COLUMNS + ", open_key, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.tenantId(), r.id(), r.type().name(), r.channel().name(), r.state().name(),
                        utc(r.receivedAt()), r.subjectKey(), r.personal(), r.extensionMonths(), utc(r.extendedAt()),
                        r.outcome(), utc(r.remindedAt()), utc(r.overdueAlertedAt()), utc(r.answeredAt()), r.version(),
                        openKey(r), utc(now))
                .update();
    }

    /**
     * Writes {@code r} over the row at {@code r.version() - 1}; false when another step was taken
     * meanwhile (the caller's transaction is then rolled back by its caller).
     */
    public boolean update(RequestRow r, Instant now) {
        // reminded_at and overdue_alerted_at are the deadline watch's: written only by the mark methods,
        // so a step racing the watch cannot undo its mark
        return jdbc.sql("UPDATE rights_requests SET state = ?, subject_key = ?, personal = ?, extension_months = ?,"
                + " extended_at = ?, outcome = ?, answered_at = ?, version = ?, open_key = ?, updated_at = ?"
                + " WHERE tenant_id = ? AND request_id = ? AND version = ?")
                .params(r.state().name(), r.subjectKey(), r.personal(), r.extensionMonths(), utc(r.extendedAt()),
                        r.outcome(), utc(r.answeredAt()), r.version(), openKey(r), utc(now), r.tenantId(), r.id(),
                        r.version() - 1)
                .update() == 1;
    }

    /** Marks the reminder sent; false when it was already (another node, an earlier run). */
    public boolean markReminded(UUID tenant, UUID request, Instant at) {
        return jdbc.sql("UPDATE rights_requests SET reminded_at = ? WHERE tenant_id = ? AND request_id = ?"
                + " AND reminded_at IS NULL").params(utc(at), tenant, request).update() == 1;
    }

    /** An extension moves the deadline: the reminder is due again before the new end. */
    public void clearReminder(UUID tenant, UUID request) {
        jdbc.sql("UPDATE rights_requests SET reminded_at = NULL WHERE tenant_id = ? AND request_id = ?")
                .params(tenant, request).update();
    }

    /** Marks the tenant told that the request is overdue; false when it was already. */
    public boolean markOverdueAlerted(UUID tenant, UUID request, Instant at) {
        return jdbc.sql("UPDATE rights_requests SET overdue_alerted_at = ? WHERE tenant_id = ? AND request_id = ?"
                + " AND overdue_alerted_at IS NULL").params(utc(at), tenant, request).update() == 1;
    }

    /**
     * Marks the provider's security officers told of an overdue request of {@code requestTenant}, in
     * the provider tenant's own rows; false when they were already.
     */
    public boolean markProviderAlerted(UUID providerTenant, UUID requestTenant, UUID request, Instant at) {
        // the watch runs on one node at a time (a job lease): the key only backs that up
        // two statements, not INSERT ... SELECT: Citus carries out an INSERT ... SELECT on a distributed table
        // with row-level security as a COPY, which it refuses (docs/design/citus-distribution.md)
        if (jdbc.sql("SELECT COUNT(*) FROM rights_overdue_alerts WHERE tenant_id = ? AND request_tenant = ?"
                + " AND request_id = ?").params(providerTenant, requestTenant, request).query(Long.class).single() > 0) {
            return false;
        }
        return jdbc.sql("INSERT INTO rights_overdue_alerts (tenant_id, request_tenant, request_id, alerted_at)"
                + " VALUES (?, ?, ?, ?)").params(providerTenant, requestTenant, request, utc(at)).update() == 1;
    }

    public Optional<RequestRow> find(UUID tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rights_requests WHERE tenant_id = ? AND request_id = ?")
                .params(tenant, id).query(RequestRows::row).optional()
                .map(r -> r.withPauses(pauses(tenant, List.of(id)).getOrDefault(id, List.of())));
    }

    /** The tenant's requests, open ones only when asked, newest first (callers sort by urgency). */
    public List<RequestRow> list(UUID tenant, boolean openOnly, int limit) {
        String where = openOnly ? " AND state IN (" + inList(RequestState.open()) + ")" : "";
        List<RequestRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM rights_requests WHERE tenant_id = ?" + where
                + " ORDER BY received_at DESC LIMIT ?").params(tenant, limit).query(RequestRows::row).list();
        return withPauses(tenant, rows);
    }

    /** Open requests of every tenant (the deadline watch runs in the provider-wide scope). */
    public List<RequestRow> openEverywhere(int limit) {
        List<RequestRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM rights_requests WHERE state IN ("
                + inList(RequestState.open()) + ") ORDER BY received_at LIMIT ?").params(limit)
                .query(RequestRows::row).list();
        Map<UUID, List<RequestRow>> byTenant = new HashMap<>();
        rows.forEach(r -> byTenant.computeIfAbsent(r.tenantId(), t -> new ArrayList<>()).add(r));
        List<RequestRow> out = new ArrayList<>();
        byTenant.forEach((t, rs) -> out.addAll(withPauses(t, rs)));
        return out;
    }

    /**
     * Answered requests of every tenant whose file is not retired yet, answered before {@code cutoff}
     * (the retention job runs in the provider-wide scope).
     */
    public List<RequestRow> answeredBefore(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rights_requests WHERE answered_at < ? AND OCTET_LENGTH(personal) > 0"
                + " AND state NOT IN (" + inList(RequestState.open()) + ") ORDER BY answered_at LIMIT ?")
                .params(utc(cutoff), limit).query(RequestRows::row).list();
    }

    /** Empties a request's sealed columns (its key is destroyed in the same transaction). */
    public void retire(UUID tenant, UUID request, Instant now) {
        jdbc.sql("UPDATE rights_requests SET personal = ?, updated_at = ? WHERE tenant_id = ? AND request_id = ?")
                .params(new byte[0], utc(now), tenant, request).update();
        jdbc.sql("UPDATE rights_request_steps SET note = NULL WHERE tenant_id = ? AND request_id = ?")
                .params(tenant, request).update();
    }

    public void pause(UUID tenant, UUID request, Instant at, String reason) {
        jdbc.sql("INSERT INTO rights_request_pauses (tenant_id, request_id, paused_at, reason) VALUES (?, ?, ?, ?)")
                .params(tenant, request, utc(at), reason).update();
    }

    public void resume(UUID tenant, UUID request, Instant at) {
        jdbc.sql("UPDATE rights_request_pauses SET resumed_at = ? WHERE tenant_id = ? AND request_id = ?"
                + " AND resumed_at IS NULL").params(utc(at), tenant, request).update();
    }

    public void step(UUID tenant, UUID request, Step step, RequestState state, Instant at, String actor, byte[] note) {
        // the caller changed the request's row first, so steps of one request are numbered one at a time
        // two statements, not INSERT ... SELECT: Citus carries out an INSERT ... SELECT on a distributed table
        // with row-level security as a COPY, which it refuses (docs/design/citus-distribution.md)
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM rights_request_steps WHERE tenant_id = ?"
                + " AND request_id = ?").params(tenant, request).query(Integer.class).single();
        jdbc.sql("INSERT INTO rights_request_steps (tenant_id, request_id, seq, step, state, taken_at, actor, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenant, request, seq, step.name(), state.name(), utc(at), actor, note).update();
    }

    public record StepRow(Step step, RequestState state, Instant at, String actor, byte[] note) {
    }

    public List<StepRow> steps(UUID tenant, UUID request) {
        return jdbc.sql("SELECT step, state, taken_at, actor, note FROM rights_request_steps"
                + " WHERE tenant_id = ? AND request_id = ? ORDER BY seq").params(tenant, request)
                .query((rs, n) -> new StepRow(Step.valueOf(rs.getString(1)), RequestState.valueOf(rs.getString(2)),
                        instant(rs, 3), rs.getString(4), rs.getBytes(5)))
                .list();
    }

    private List<RequestRow> withPauses(UUID tenant, List<RequestRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<RequestRow.PauseRow>> pauses = pauses(tenant, rows.stream().map(RequestRow::id).toList());
        return rows.stream().map(r -> r.withPauses(pauses.getOrDefault(r.id(), List.of()))).toList();
    }

    private Map<UUID, List<RequestRow.PauseRow>> pauses(UUID tenant, Collection<UUID> requests) {
        Map<UUID, List<RequestRow.PauseRow>> out = new HashMap<>();
        List<UUID> ids = List.copyOf(requests);
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> params = new ArrayList<>();
            params.add(tenant);
            params.addAll(chunk);
            jdbc.sql("SELECT request_id, paused_at, resumed_at, reason FROM rights_request_pauses WHERE tenant_id = ?"
                    + " AND request_id IN (" + "?, ".repeat(chunk.size() - 1) + "?) ORDER BY paused_at")
                    .params(params)
                    .query((rs, n) -> {
                        out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new RequestRow.PauseRow(instant(rs, 2), instant(rs, 3), rs.getString(4)));
                        return null;
                    }).list();
        }
        return out;
    }

    private static String openKey(RequestRow r) {
        return r.state().isOpen() ? r.subjectKey() + "/" + r.type().name() : null;
    }

    private static String inList(Collection<RequestState> states) {
        return String.join(", ", states.stream().map(s -> "'" + s.name() + "'").sorted().toList());
    }

    private static RequestRow row(ResultSet rs, int n) throws SQLException {
        return new RequestRow(rs.getObject("tenant_id", UUID.class), rs.getObject("request_id", UUID.class),
                RequestType.valueOf(rs.getString("request_type")), RequestChannel.valueOf(rs.getString("channel")),
                RequestState.valueOf(rs.getString("state")), instant(rs, "received_at"), rs.getString("subject_key"),
                rs.getBytes("personal"), rs.getInt("extension_months"), instant(rs, "extended_at"),
                rs.getString("outcome"), instant(rs, "reminded_at"), instant(rs, "overdue_alerted_at"),
                instant(rs, "answered_at"), rs.getInt("version"), List.of());
    }
}
