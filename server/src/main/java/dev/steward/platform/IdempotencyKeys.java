package dev.steward.platform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The idempotency_keys table: claimed keys (status 0) and the answers they produced. */
@Repository
class IdempotencyKeys {

    record Stored(String requestHash, int status, String contentType, String body, String withheld,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    IdempotencyKeys(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Stored> find(UUID tenantId, String principal, String key) {
        return jdbc.sql("SELECT request_hash, status, content_type, body, withheld, created_at FROM idempotency_keys "
                + "WHERE tenant_id = ? AND principal = ? AND idem_key = ?").params(tenantId, principal, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    void claim(UUID tenantId, String principal, String key, String hash, Instant now) {
        jdbc.sql("INSERT INTO idempotency_keys (tenant_id, principal, idem_key, request_hash, status, created_at) "
                + "VALUES (?,?,?,?,0,?)").params(tenantId, principal, key, hash, now.atOffset(ZoneOffset.UTC)).update();
    }

    /** {@code body} is what may be stored of the answer: never a secret (see ReplayableAnswer). */
    void complete(UUID tenantId, String principal, String key, int status, String contentType, String body,
            String withheld) {
        jdbc.sql("UPDATE idempotency_keys SET status = ?, content_type = ?, body = ?, withheld = ? "
                + "WHERE tenant_id = ? AND principal = ? AND idem_key = ?")
                .params(status, contentType, body, withheld, tenantId, principal, key).update();
    }

    void release(UUID tenantId, String principal, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE tenant_id = ? AND principal = ? AND idem_key = ?")
                .params(tenantId, principal, key).update();
    }

    /** Keys are kept for a day: long enough for any client's retries. Run hourly by {@link IdempotencyKeyPurge}. */
    void purgeExpired() {
        TenantScope.run(DataScope.wholeProvider(), () -> jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
                .param(clock.instant().minus(java.time.Duration.ofDays(1)).atOffset(ZoneOffset.UTC)).update());
    }
}
