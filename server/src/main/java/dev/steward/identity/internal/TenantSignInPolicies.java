package dev.steward.identity.internal;

import static dev.steward.platform.Timestamps.utc;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per customer tenant: whether every account must pass a second factor. No row: not required. */
@Repository
public class TenantSignInPolicies {

    private final JdbcClient jdbc;

    TenantSignInPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean mfaRequired(UUID tenantId) {
        return jdbc.sql("SELECT mfa_required FROM tenant_sign_in_policies WHERE tenant_id = ?").param(tenantId)
                .query(Boolean.class).optional().orElse(false);
    }

    public void setMfaRequired(UUID tenantId, boolean required, Instant now, String actor) {
        int updated = jdbc.sql("UPDATE tenant_sign_in_policies SET mfa_required = ?, changed_at = ?, changed_by = ? "
                + "WHERE tenant_id = ?").params(required, utc(now), actor, tenantId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO tenant_sign_in_policies (tenant_id, mfa_required, changed_at, changed_by) VALUES (?,?,?,?)")
                    .params(tenantId, required, utc(now), actor).update();
        }
    }
}
