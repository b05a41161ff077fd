package dev.steward.complaints.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.complaints.ComplaintChannel;
import dev.steward.complaints.ComplaintLink;
import dev.steward.complaints.ComplaintLinkKind;
import dev.steward.complaints.ComplaintOutcome;
import dev.steward.complaints.ComplaintState;
import dev.steward.complaints.ComplaintStep;

/** The complaints feature's tables: complaints, their steps, their links and the provider's alert marks. */
@Repository
public class ComplaintRows {

    private static final String COLUMNS = "tenant_id, complaint_id, state, channel, received_at, due_at, last_day,"
            + " assigned_role, assignee, complainant_key, personal, outcome, response, answered_at, version";
    private static final String OPEN = "state IN (" + String.join(", ",
            ComplaintState.open().stream().map(s -> "'" + s.name() + "'").sorted().toList()) + ")";
    private static final String URGENT_FIRST = " ORDER BY CASE WHEN " + OPEN + " THEN 0 ELSE 1 END,"
            + " CASE WHEN " + OPEN + " THEN due_at END, received_at DESC";

    private final JdbcClient jdbc;

    ComplaintRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ComplaintRow r, Instant now) {
        jdbc.sql("INSERT INTO complaints (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.tenantId(), r.id(), r.state().name(), r.channel().name(), utc(r.receivedAt()), utc(r.dueAt()),
                        r.lastDay(), r.assignedRole(), r.assignee(), r.complainantKey(), r.personal(),
                        r.outcome() == null ? null : r.outcome().name(), r.response(), utc(r.answeredAt()), r.version(),
                        utc(now))
                .update();
    }

    /** Writes {@code r} over the row at {@code r.version() - 1}; false when another step was taken meanwhile. */
    public boolean update(ComplaintRow r, Instant now) {
        return jdbc.sql("UPDATE complaints SET state = ?, assignee = ?, outcome = ?, response = ?, answered_at = ?,"
                + " version = ?, updated_at = ? WHERE tenant_id = ? AND complaint_id = ? AND version = ?")
                .params(r.state().name(), r.assignee(), r.outcome() == null ? null : r.outcome().name(), r.response(),
                        utc(r.answeredAt()), r.version(), utc(now), r.tenantId(), r.id(), r.version() - 1)
                .update() == 1;
    }

    public Optional<ComplaintRow> find(UUID tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE tenant_id = ? AND complaint_id = ?")
                .params(tenant, id).query(ComplaintRows::row).optional();
    }

    /** The tenant a complaint lives in, for provider staff who handle every tenant's (run in the provider-wide scope). */
    public Optional<UUID> tenantOf(UUID id) {
        return jdbc.sql("SELECT tenant_id FROM complaints WHERE complaint_id = ?").param(id).query(UUID.class)
                .optional();
    }

    /**
     * The tenant's complaints, open ones only when asked: open ones first, the earliest due first, then
     * the answered ones newest first, so a limit cuts the least urgent (callers sort by urgency again).
     */
    public List<ComplaintRow> list(UUID tenant, boolean openOnly, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE tenant_id = ?" + (openOnly ? " AND " + OPEN : "")
                + URGENT_FIRST + " LIMIT ?").params(tenant, limit).query(ComplaintRows::row).list();
    }

    /** Every tenant's complaints in the same order (the provider-wide scope: compliance staff's list, the watch). */
    public List<ComplaintRow> listEverywhere(boolean openOnly, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaints" + (openOnly ? " WHERE " + OPEN : "")
                + URGENT_FIRST + " LIMIT ?").param(limit).query(ComplaintRows::row).list();
    }

    /** Closed or withdrawn complaints answered before {@code cutoff} whose file is not retired yet, oldest first. */
    public List<ComplaintRow> finishedBefore(Instant cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM complaints WHERE answered_at < ? AND OCTET_LENGTH(personal) > 0"
                + " AND state IN (?, ?) ORDER BY answered_at LIMIT ?")
                .params(utc(cutoff), ComplaintState.CLOSED.name(), ComplaintState.WITHDRAWN.name(), limit)
                .query(ComplaintRows::row).list();
    }

    /**
     * Empties a complaint's sealed columns and its address pseudonym (its key is destroyed in the same
     * transaction); states, dates, steps, actors, outcome and links stay.
     */
    public void retire(UUID tenant, UUID complaint, Instant now) {
        jdbc.sql("UPDATE complaints SET personal = ?, response = NULL, complainant_key = NULL, updated_at = ?"
                + " WHERE tenant_id = ? AND complaint_id = ?").params(new byte[0], utc(now), tenant, complaint).update();
        jdbc.sql("UPDATE complaint_steps SET note = NULL WHERE tenant_id = ? AND complaint_id = ?")
                .params(tenant, complaint).update();
    }

    /** Complaints received through the web form with this address since {@code since}: a mailbox is not flooded. */
    public int formComplaintsFrom(UUID tenant, String complainantKey, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM complaints WHERE tenant_id = ? AND complainant_key = ? AND received_at > ?"
                        + " AND channel = ?")
                .params(tenant, complainantKey, utc(since), ComplaintChannel.WEB_FORM.name()).query(Integer.class).single();
    }

    public void step(UUID tenant, UUID complaint, ComplaintStep step, ComplaintState state, Instant at, String actor,
            byte[] note) {
        // the caller changed (or created) the complaint's row first, so its steps are numbered one at a time
        // two statements, not INSERT ... SELECT: Citus carries out an INSERT ... SELECT on a distributed table
        // with row-level security as a COPY, which it refuses (docs/design/citus-distribution.md)
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM complaint_steps WHERE tenant_id = ?"
                + " AND complaint_id = ?").params(tenant, complaint).query(Integer.class).single();
        jdbc.sql("INSERT INTO complaint_steps (tenant_id, complaint_id, seq, step, state, taken_at, actor, note)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenant, complaint, seq, step.name(), state.name(), utc(at), actor, note).update();
    }

    public record StepRow(ComplaintStep step, ComplaintState state, Instant at, String actor, byte[] note) {
    }

    public List<StepRow> steps(UUID tenant, UUID complaint) {
        return jdbc.sql("SELECT step, state, taken_at, actor, note FROM complaint_steps"
                + " WHERE tenant_id = ? AND complaint_id = ? ORDER BY seq").params(tenant, complaint)
                .query((rs, n) -> new StepRow(ComplaintStep.valueOf(rs.getString(1)),
                        ComplaintState.valueOf(rs.getString(2)), instant(rs, 3), rs.getString(4), rs.getBytes(5)))
                .list();
    }

    /** Adds a link; false when the complaint has it already. */
    public boolean link(UUID tenant, UUID complaint, ComplaintLink link) {
        // called after the step's versioned update, whose row lock holds a racing equal link back until it fails
        if (jdbc.sql("SELECT COUNT(*) FROM complaint_links WHERE tenant_id = ? AND complaint_id = ? AND kind = ?"
                + " AND reference = ?").params(tenant, complaint, link.kind().name(), link.reference())
                .query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO complaint_links (tenant_id, complaint_id, kind, reference, linked_at, linked_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)").params(tenant, complaint, link.kind().name(), link.reference(),
                        utc(link.linkedAt()), link.linkedBy()).update();
        return true;
    }

    public List<ComplaintLink> links(UUID tenant, UUID complaint) {
        return jdbc.sql("SELECT kind, reference, linked_at, linked_by FROM complaint_links"
                + " WHERE tenant_id = ? AND complaint_id = ? ORDER BY linked_at, kind, reference").params(tenant, complaint)
                .query((rs, n) -> new ComplaintLink(ComplaintLinkKind.valueOf(rs.getString(1)), rs.getString(2),
                        instant(rs, 3), rs.getString(4)))
                .list();
    }

    /**
     * Marks the staff of {@code audienceTenant} (the provider's, or the complaint's own tenant's) told of
     * {@code kind} about a complaint of {@code complaintTenant}, in the audience tenant's rows; false when
     * they were told already.
     */
    public boolean markAlerted(UUID audienceTenant, UUID complaintTenant, UUID complaint, String kind, Instant at) {
        // two statements, not INSERT ... SELECT: Citus carries out an INSERT ... SELECT on a distributed table
        // with row-level security as a COPY, which it refuses (docs/design/citus-distribution.md)
        if (jdbc.sql("SELECT COUNT(*) FROM complaint_alerts WHERE tenant_id = ? AND complaint_tenant = ?"
                + " AND complaint_id = ? AND kind = ?").params(audienceTenant, complaintTenant, complaint, kind)
                .query(Long.class).single() > 0) {
            return false;
        }
        return jdbc.sql("INSERT INTO complaint_alerts (tenant_id, complaint_tenant, complaint_id, kind, alerted_at)"
                + " VALUES (?, ?, ?, ?, ?)").params(audienceTenant, complaintTenant, complaint, kind, utc(at))
                .update() == 1;
    }

    private static ComplaintRow row(ResultSet rs, int n) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ComplaintRow(rs.getObject("tenant_id", UUID.class), rs.getObject("complaint_id", UUID.class),
                ComplaintState.valueOf(rs.getString("state")), ComplaintChannel.valueOf(rs.getString("channel")),
                instant(rs, "received_at"), instant(rs, "due_at"), rs.getObject("last_day", LocalDate.class),
                rs.getString("assigned_role"), rs.getString("assignee"), rs.getString("complainant_key"),
                rs.getBytes("personal"), outcome == null ? null : ComplaintOutcome.valueOf(outcome),
                rs.getBytes("response"), instant(rs, "answered_at"), rs.getInt("version"));
    }
}
