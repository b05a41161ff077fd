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

import dev.steward.identity.ApiToken;
import dev.steward.platform.Role;

/** The api_tokens table. */
@Repository
public class ApiTokens {

    private static final String COLUMNS = "tenant_id, token_id, name, role, secret_hash, created_by, created_at, "
            + "expires_at, revoked_at";

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiToken t) {
        jdbc.sql("INSERT INTO api_tokens (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)")
                .params(t.tenantId(), t.id(), t.name(), t.role().name(), t.secretHash(), t.createdBy(),
                        utc(t.createdAt()), utc(t.expiresAt()), utc(t.revokedAt()))
                .update();
    }

    public boolean revoke(UUID tenantId, UUID id, Instant now) {
        return jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE tenant_id = ? AND token_id = ? AND revoked_at IS NULL")
                .params(utc(now), tenantId, id).update() == 1;
    }

    public Optional<ApiToken> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE tenant_id = ? AND token_id = ?")
                .params(tenantId, id).query(ApiTokens::token).optional();
    }

    public List<ApiToken> page(UUID tenantId, long offset, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE tenant_id = ? ORDER BY created_at, token_id "
                + "LIMIT ? OFFSET ?").params(tenantId, size, offset).query(ApiTokens::token).list();
    }

    public long count(UUID tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE tenant_id = ?").param(tenantId).query(Long.class).single();
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                Role.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, UUID.class), instant(rs, 7),
                instant(rs, 8), instant(rs, 9));
    }
}
