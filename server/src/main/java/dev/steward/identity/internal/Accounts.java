package dev.steward.identity.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.identity.Account;
import dev.steward.platform.Role;

/** The accounts table. Every query names its tenant. */
@Repository
public class Accounts {

    private static final String COLUMNS = "tenant_id, account_id, username, display_name, role, password_hash, "
            + "totp_secret, totp_enabled, last_totp_step, failed_logins, locked_until, disabled, created_at, updated_at";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account a) {
        jdbc.sql("INSERT INTO accounts (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(a.tenantId(), a.id(), a.username(), a.displayName(), a.role().name(), a.passwordHash(),
                        a.totpSecret(), a.totpEnabled(), a.lastTotpStep(), a.failedLogins(), utc(a.lockedUntil()),
                        a.disabled(), utc(a.createdAt()), utc(a.updatedAt()))
                .update();
    }

    public void update(Account a) {
        jdbc.sql("UPDATE accounts SET display_name = ?, role = ?, password_hash = ?, totp_secret = ?, totp_enabled = ?, "
                + "last_totp_step = ?, failed_logins = ?, locked_until = ?, disabled = ?, updated_at = ? "
                + "WHERE tenant_id = ? AND account_id = ?")
                .params(a.displayName(), a.role().name(), a.passwordHash(), a.totpSecret(), a.totpEnabled(),
                        a.lastTotpStep(), a.failedLogins(), utc(a.lockedUntil()), a.disabled(), utc(a.updatedAt()),
                        a.tenantId(), a.id())
                .update();
    }

    /** Counts a failed login and locks the account once {@code max} is reached, atomically. */
    public void recordFailure(UUID tenantId, UUID id, int max, Instant lockUntil, Instant now) {
        jdbc.sql("UPDATE accounts SET failed_logins = failed_logins + 1, "
                + "locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END, updated_at = ? "
                + "WHERE tenant_id = ? AND account_id = ?")
                .params(max, utc(lockUntil), utc(now), tenantId, id).update();
    }

    public Optional<Account> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE tenant_id = ? AND account_id = ?")
                .params(tenantId, id).query(Accounts::account).optional();
    }

    public Optional<Account> findByUsername(UUID tenantId, String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE tenant_id = ? AND username = ?")
                .params(tenantId, username).query(Accounts::account).optional();
    }

    public List<Account> page(UUID tenantId, long offset, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE tenant_id = ? ORDER BY username LIMIT ? OFFSET ?")
                .params(tenantId, size, offset).query(Accounts::account).list();
    }

    public long count(UUID tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE tenant_id = ?").param(tenantId).query(Long.class).single();
    }

    public long countWithRole(UUID tenantId, Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE tenant_id = ? AND role = ?").params(tenantId, role.name())
                .query(Long.class).single();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                Role.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getLong(9),
                rs.getInt(10), instant(rs, 11), rs.getBoolean(12), instant(rs, 13), instant(rs, 14));
    }
}
