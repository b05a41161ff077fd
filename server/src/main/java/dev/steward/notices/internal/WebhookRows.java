package dev.steward.notices.internal;

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

import dev.steward.notices.WebhookEndpoint;

/** A tenant's webhook endpoints, their secrets sealed (see {@link NoticeKeys}). */
@Repository
public class WebhookRows {

    /** An endpoint with its sealed secrets, for signing. */
    public record Sealed(WebhookEndpoint endpoint, byte[] secret, byte[] previousSecret) {
    }

    private static final String SELECT = "SELECT endpoint_id, url, verified_at, previous_until, created_at, secret, "
            + "previous_secret FROM notice_webhooks ";

    private final JdbcClient jdbc;

    WebhookRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenantId, WebhookEndpoint e, byte[] sealedSecret) {
        jdbc.sql("INSERT INTO notice_webhooks (tenant_id, endpoint_id, url, secret, created_at) VALUES (?,?,?,?,?)")
                .params(tenantId, e.id(), e.url(), sealedSecret, utc(e.createdAt())).update();
    }

    public List<WebhookEndpoint> list(UUID tenantId) {
        return jdbc.sql(SELECT + "WHERE tenant_id = ? ORDER BY created_at, endpoint_id").param(tenantId)
                .query((rs, n) -> endpoint(rs)).list();
    }

    public List<UUID> verified(UUID tenantId) {
        return jdbc.sql("SELECT endpoint_id FROM notice_webhooks WHERE tenant_id = ? AND verified_at IS NOT NULL "
                + "ORDER BY endpoint_id")
                .param(tenantId).query(UUID.class).list();
    }

    public Optional<Sealed> find(UUID tenantId, UUID endpointId) {
        return jdbc.sql(SELECT + "WHERE tenant_id = ? AND endpoint_id = ?").params(tenantId, endpointId)
                .query((rs, n) -> new Sealed(endpoint(rs), rs.getBytes(6), rs.getBytes(7))).optional();
    }

    public void markVerified(UUID tenantId, UUID endpointId, Instant at) {
        jdbc.sql("UPDATE notice_webhooks SET verified_at = ? WHERE tenant_id = ? AND endpoint_id = ?")
                .params(utc(at), tenantId, endpointId).update();
    }

    /** The new secret signs from now on; the current one also signs until {@code previousUntil}. */
    public void rotate(UUID tenantId, UUID endpointId, byte[] newSecret, byte[] currentSecret, Instant previousUntil) {
        jdbc.sql("UPDATE notice_webhooks SET secret = ?, previous_secret = ?, previous_until = ? "
                + "WHERE tenant_id = ? AND endpoint_id = ?")
                .params(newSecret, currentSecret, utc(previousUntil), tenantId, endpointId).update();
    }

    public boolean delete(UUID tenantId, UUID endpointId) {
        return jdbc.sql("DELETE FROM notice_webhooks WHERE tenant_id = ? AND endpoint_id = ?")
                .params(tenantId, endpointId).update() == 1;
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, 3), instant(rs, 4),
                instant(rs, 5));
    }
}
