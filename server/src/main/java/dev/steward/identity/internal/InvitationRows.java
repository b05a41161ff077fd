package dev.steward.identity.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.identity.Invitation;
import dev.steward.identity.InvitationPurpose;
import dev.steward.platform.Role;

/** The invitations table. Every query names its tenant. */
@Repository
public class InvitationRows {

    private static final String COLUMNS = "tenant_id, invitation_id, purpose, account_id, username, display_name, role, "
            + "issued_by, issued_by_provider, issued_at, expires_at, used_at, revoked_at, secret_hash";

    private final JdbcClient jdbc;

    InvitationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Invitation i, String secretHash) {
        jdbc.sql("INSERT INTO invitations (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(i.tenantId(), i.id(), i.purpose().name(), i.accountId(), i.username(), i.displayName(),
                        i.role().name(), i.issuedBy(), i.issuedByProvider(), utc(i.issuedAt()), utc(i.expiresAt()),
                        utc(i.usedAt()), utc(i.revokedAt()), secretHash)
                .update();
    }

    /** The invitation and the stored hash of its secret. */
    public record Stored(Invitation invitation, String secretHash) {
    }

    public Optional<Stored> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE tenant_id = ? AND invitation_id = ?")
                .params(tenantId, id).query((rs, n) -> new Stored(invitation(rs), rs.getString(14))).optional();
    }

    /**
     * Marks the invitation used if it still is open; false when another request used it first,
     * so one link yields one act however many submit it at once.
     */
    public boolean claim(UUID tenantId, UUID id, UUID accountId, Instant now) {
        return jdbc.sql("UPDATE invitations SET used_at = ?, account_id = ? WHERE tenant_id = ? AND invitation_id = ? "
                + "AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?")
                .params(utc(now), accountId, tenantId, id, utc(now)).update() == 1;
    }

    /** Revokes the open invitations of a purpose (for one account, or for the whole tenant when accountId is null). */
    public int revokeOpen(UUID tenantId, InvitationPurpose purpose, UUID accountId, Instant now) {
        return jdbc.sql("UPDATE invitations SET revoked_at = ? WHERE tenant_id = ? AND purpose = ? "
                + "AND used_at IS NULL AND revoked_at IS NULL" + (accountId == null ? "" : " AND account_id = ?"))
                .params(accountId == null ? new Object[] {utc(now), tenantId, purpose.name()}
                        : new Object[] {utc(now), tenantId, purpose.name(), accountId})
                .update();
    }

    /** Whether an MFA reset of the account waits for its link (expired ones too: only a new link ends it). */
    public boolean resetPending(UUID tenantId, UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE tenant_id = ? AND account_id = ? AND purpose = ? "
                + "AND used_at IS NULL AND revoked_at IS NULL")
                .params(tenantId, accountId, InvitationPurpose.MFA_RESET.name()).query(Long.class).single() > 0;
    }

    public boolean openForUsername(UUID tenantId, String username, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE tenant_id = ? AND username = ? AND purpose <> ? "
                + "AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?")
                .params(tenantId, username, InvitationPurpose.MFA_RESET.name(), utc(now)).query(Long.class).single() > 0;
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                InvitationPurpose.valueOf(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                Role.valueOf(rs.getString(7)), rs.getString(8), rs.getBoolean(9), instant(rs, 10), instant(rs, 11),
                instant(rs, 12), instant(rs, 13));
    }
}
