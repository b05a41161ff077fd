package dev.steward.identity.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Wrong passwords counted per account and source (a keyed pseudonym of the address). A lock
 * holds for that pair only; once it has expired the next failure starts counting from one.
 */
@Repository
public class SignInFailures {

    /** The state of one account at one source. */
    public record AtSource(int failures, Instant lockedUntil) {
        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    SignInFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AtSource> find(UUID tenantId, UUID accountId, String sourceRef) {
        return jdbc.sql("SELECT failures, locked_until FROM sign_in_failures WHERE tenant_id = ? AND account_id = ? "
                + "AND source_ref = ?").params(tenantId, accountId, sourceRef)
                .query((rs, n) -> new AtSource(rs.getInt(1), instant(rs, 2))).optional();
    }

    /**
     * Counts one failure and locks the pair for {@code lockout} once {@code max} is reached; a
     * lock that has expired is forgotten first, so its owner has {@code max} tries again.
     */
    public void recordFailure(UUID tenantId, UUID accountId, String sourceRef, int max, java.time.Duration lockout,
            Instant now) {
        var lock = utc(now.plus(lockout));
        // One statement, so concurrent failures cannot count as one; old values on the right-hand side.
        int updated = jdbc.sql("UPDATE sign_in_failures SET "
                + "failures = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1 ELSE failures + 1 END, "
                + "locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL "
                + "WHEN failures + 1 >= ? THEN ? ELSE locked_until END, updated_at = ? "
                + "WHERE tenant_id = ? AND account_id = ? AND source_ref = ?")
                .params(utc(now), utc(now), max, lock, utc(now), tenantId, accountId, sourceRef).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO sign_in_failures (tenant_id, account_id, source_ref, failures, locked_until, updated_at) "
                    + "VALUES (?,?,?,?,?,?)").params(tenantId, accountId, sourceRef, 1, max <= 1 ? lock : null, utc(now))
                    .update();
        }
    }

    public void forget(UUID tenantId, UUID accountId, String sourceRef) {
        jdbc.sql("DELETE FROM sign_in_failures WHERE tenant_id = ? AND account_id = ? AND source_ref = ?")
                .params(tenantId, accountId, sourceRef).update();
    }

    /** An administrator's unlock lifts the account's locks at every source. */
    public void forgetAll(UUID tenantId, UUID accountId) {
        jdbc.sql("DELETE FROM sign_in_failures WHERE tenant_id = ? AND account_id = ?").params(tenantId, accountId)
                .update();
    }
}
