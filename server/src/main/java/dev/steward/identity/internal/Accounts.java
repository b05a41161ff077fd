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

/**
 * The accounts table. Every query names its tenant. The TOTP seed is read and written only
 * sealed ({@code totp_seed}); second-factor state changes through targeted, atomic statements,
 * so a concurrent administrator's change and a sign-in never overwrite each other.
 */
@Repository
public class Accounts {

    private static final String COLUMNS = "tenant_id, account_id, username, display_name, role, password_hash, "
            + "totp_enabled, last_totp_step, failed_logins, locked_until, disabled, created_at, updated_at, version, "
            + "security_epoch";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account a) {
        jdbc.sql("INSERT INTO accounts (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(a.tenantId(), a.id(), a.username(), a.displayName(), a.role().name(), a.passwordHash(),
                        a.totpEnabled(), a.lastTotpStep(), a.failedLogins(), utc(a.lockedUntil()),
                        a.disabled(), utc(a.createdAt()), utc(a.updatedAt()), a.version(), a.securityEpoch())
                .update();
    }

    /**
     * Writes the account's names, role, password, flags and counters if it is still at
     * {@code a.version()}, and moves it to the next version; false when someone changed it meanwhile.
     * Second-factor state (seed, enabled, last step) is not touched here.
     */
    public boolean update(Account a) {
        return jdbc.sql("UPDATE accounts SET display_name = ?, role = ?, password_hash = ?, failed_logins = ?, "
                + "locked_until = ?, disabled = ?, updated_at = ?, security_epoch = ?, version = version + 1 "
                + "WHERE tenant_id = ? AND account_id = ? AND version = ?")
                .params(a.displayName(), a.role().name(), a.passwordHash(), a.failedLogins(), utc(a.lockedUntil()),
                        a.disabled(), utc(a.updatedAt()), a.securityEpoch(), a.tenantId(), a.id(), a.version())
                .update() == 1;
    }

    /** Counts a wrong second-factor code and returns the new count. */
    public int recordSecondFactorFailure(UUID tenantId, UUID id, Instant now) {
        jdbc.sql("UPDATE accounts SET failed_logins = failed_logins + 1, updated_at = ? WHERE tenant_id = ? AND account_id = ?")
                .params(utc(now), tenantId, id).update();
        return jdbc.sql("SELECT failed_logins FROM accounts WHERE tenant_id = ? AND account_id = ?")
                .params(tenantId, id).query(Integer.class).single();
    }

    public void lockUntil(UUID tenantId, UUID id, Instant until) {
        jdbc.sql("UPDATE accounts SET locked_until = ? WHERE tenant_id = ? AND account_id = ?")
                .params(utc(until), tenantId, id).update();
    }

    /**
     * Uses the TOTP time step once: only the first of any number of concurrent submissions of a code
     * moves {@code last_totp_step} past it (the row lock serialises them, the condition is re-read).
     * Enables a pending factor at the same time, and forgets second-factor failures.
     */
    public boolean useTotpStep(UUID tenantId, UUID id, long step, boolean enabling, Instant now) {
        return jdbc.sql("UPDATE accounts SET last_totp_step = ?, totp_enabled = TRUE, failed_logins = 0, "
                + "locked_until = NULL, updated_at = ? WHERE tenant_id = ? AND account_id = ? AND last_totp_step < ? "
                + "AND totp_enabled = ? AND totp_seed IS NOT NULL")
                .params(step, utc(now), tenantId, id, step, !enabling).update() == 1;
    }

    /** Stores a new pending seed (sealed); any enrolled factor is replaced only through {@link #clearSecondFactor}. */
    public void storePendingSeed(UUID tenantId, UUID id, byte[] sealedSeed, Instant now) {
        jdbc.sql("UPDATE accounts SET totp_seed = ?, totp_secret = NULL, totp_enabled = FALSE, updated_at = ? "
                + "WHERE tenant_id = ? AND account_id = ? AND totp_enabled = FALSE")
                .params(sealedSeed, utc(now), tenantId, id).update();
    }

    public Optional<byte[]> sealedSeed(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT totp_seed FROM accounts WHERE tenant_id = ? AND account_id = ? AND totp_seed IS NOT NULL")
                .params(tenantId, id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** An MFA reset: the seed is forgotten; the account enrols anew at its next sign-in. */
    public void clearSecondFactor(UUID tenantId, UUID id) {
        jdbc.sql("UPDATE accounts SET totp_seed = NULL, totp_secret = NULL, totp_enabled = FALSE, last_totp_step = 0 "
                + "WHERE tenant_id = ? AND account_id = ?").params(tenantId, id).update();
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
                Role.valueOf(rs.getString(5)), rs.getString(6), null, rs.getBoolean(7), rs.getLong(8),
                rs.getInt(9), instant(rs, 10), rs.getBoolean(11), instant(rs, 12), instant(rs, 13), rs.getInt(14),
                rs.getInt(15));
    }
}
