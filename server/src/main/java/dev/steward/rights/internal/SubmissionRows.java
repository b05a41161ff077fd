package dev.steward.rights.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.rights.RequestType;

/** The self-service page's submissions: a request in waiting until its address is proven. */
@Repository
public class SubmissionRows {

    /** A submission as stored; {@code personal} is sealed under the submission's key. */
    public record Submission(UUID tenantId, UUID id, RequestType type, String addressKey, byte[] personal,
            Instant submittedAt, Instant linkExpiresAt, Instant confirmedAt, UUID requestId) {
    }

    private static final String COLUMNS = "tenant_id, submission_id, request_type, address_key, personal, submitted_at,"
            + " link_expires_at, confirmed_at, request_id";

    private final JdbcClient jdbc;

    SubmissionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Submission s, String linkHash) {
        jdbc.sql("INSERT INTO rights_submissions (" + COLUMNS + ", link_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(s.tenantId(), s.id(), s.type().name(), s.addressKey(), s.personal(), utc(s.submittedAt()),
                        utc(s.linkExpiresAt()), null, null, linkHash)
                .update();
    }

    /** Links sent to this address since {@code since} and not followed: a mailbox is not flooded. */
    public int pendingFor(UUID tenant, String addressKey, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM rights_submissions WHERE tenant_id = ? AND address_key = ?"
                        + " AND submitted_at > ? AND confirmed_at IS NULL")
                .params(tenant, addressKey, utc(since)).query(Integer.class).single();
    }

    /** The submission whose link this is, unconfirmed and unexpired, locked against a racing confirmation. */
    public Optional<Submission> openLink(UUID tenant, String linkHash, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rights_submissions WHERE tenant_id = ? AND link_hash = ?"
                        + " AND confirmed_at IS NULL AND link_expires_at > ? FOR UPDATE")
                .params(tenant, linkHash, utc(now)).query(SubmissionRows::submission).optional();
    }

    /**
     * Spends the link: false when it was spent meanwhile (a second click, a second node). The form is
     * emptied: the request holds its own sealed copy now.
     */
    public boolean confirm(UUID tenant, UUID submission, UUID request, String statusHash, Instant now,
            Instant statusExpiresAt) {
        return jdbc.sql("UPDATE rights_submissions SET confirmed_at = ?, request_id = ?, status_hash = ?,"
                        + " status_expires_at = ?, personal = ? WHERE tenant_id = ? AND submission_id = ?"
                        + " AND confirmed_at IS NULL")
                .params(utc(now), request, statusHash, utc(statusExpiresAt), new byte[0], tenant, submission)
                .update() == 1;
    }

    /** The address behind a status link still valid. */
    public Optional<String> addressOfStatus(UUID tenant, String statusHash, Instant now) {
        return jdbc.sql("SELECT address_key FROM rights_submissions WHERE tenant_id = ? AND status_hash = ?"
                        + " AND status_expires_at > ?")
                .params(tenant, statusHash, utc(now)).query(String.class).optional();
    }

    /** The requests confirmed from this address, newest first. */
    public List<UUID> requestsOf(UUID tenant, String addressKey) {
        return jdbc.sql("SELECT request_id FROM rights_submissions WHERE tenant_id = ? AND address_key = ?"
                        + " AND request_id IS NOT NULL GROUP BY request_id ORDER BY MAX(confirmed_at) DESC")
                .params(tenant, addressKey).query(UUID.class).list();
    }

    /** Forgets the submissions that led to a request whose file is retired: the status link ends with it. */
    public void deleteOfRequest(UUID tenant, UUID request) {
        jdbc.sql("DELETE FROM rights_submissions WHERE tenant_id = ? AND request_id = ?").params(tenant, request)
                .update();
    }

    /**
     * Forgets the submissions whose link expired unfollowed: nothing was asked of anyone yet, and
     * what was typed into the form is not kept for nothing.
     */
    public int deleteUnconfirmedBefore(Instant now) {
        return jdbc.sql("DELETE FROM rights_submissions WHERE confirmed_at IS NULL AND link_expires_at <= ?")
                .params(utc(now)).update();
    }

    private static Submission submission(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Submission(rs.getObject("tenant_id", UUID.class), rs.getObject("submission_id", UUID.class),
                RequestType.valueOf(rs.getString("request_type")), rs.getString("address_key"),
                rs.getBytes("personal"), instant(rs, "submitted_at"), instant(rs, "link_expires_at"),
                instant(rs, "confirmed_at"), rs.getObject("request_id", UUID.class));
    }
}
