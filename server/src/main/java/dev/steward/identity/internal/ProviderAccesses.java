package dev.steward.identity.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.identity.ProviderAccess;
import dev.steward.platform.Role;

/** The provider_accesses table: append-only, every query names its tenant. */
@Repository
public class ProviderAccesses {

    private final JdbcClient jdbc;

    ProviderAccesses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenantId, ProviderAccess a) {
        jdbc.sql("INSERT INTO provider_accesses (tenant_id, access_id, at, actor_id, actor_role, actor, action, object_ref) "
                + "VALUES (?,?,?,?,?,?,?,?)")
                .params(tenantId, a.id(), utc(a.at()), a.actorId(), a.actorRole().name(), a.actor(), a.action(), a.object())
                .update();
    }

    public List<ProviderAccess> page(UUID tenantId, long offset, int size) {
        return jdbc.sql("SELECT access_id, at, actor_id, actor_role, actor, action, object_ref FROM provider_accesses "
                + "WHERE tenant_id = ? ORDER BY at DESC, access_id LIMIT ? OFFSET ?")
                .params(tenantId, size, offset)
                .query((rs, n) -> new ProviderAccess(rs.getObject(1, UUID.class), instant(rs, 2), rs.getObject(3, UUID.class),
                        Role.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    public long count(UUID tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM provider_accesses WHERE tenant_id = ?").param(tenantId).query(Long.class).single();
    }
}
