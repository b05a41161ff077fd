package dev.steward.tenancy.internal;

import static dev.steward.platform.Timestamps.instant;
import static dev.steward.platform.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantChange;
import dev.steward.tenancy.TenantState;

/** The tenants table and its change history, in explicit SQL. */
@Repository
public class Tenants {

    private static final String COLUMNS = "tenant_id, slug, name, state, contract_start, contract_end, fully_managed, "
            + "incident_notice_hours, storage_countries, created_at, updated_at, version";

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Tenant t) {
        jdbc.sql("INSERT INTO tenants (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(t.id(), t.slug(), t.name(), t.state().name(), t.contractStart(), t.contractEnd(),
                        t.fullyManaged(), t.incidentNoticeHours(), String.join(",", t.storageCountries()),
                        utc(t.createdAt()), utc(t.updatedAt()), t.version())
                .update();
    }

    /** Writes the new state if the stored version is still {@code t.version() - 1}; false otherwise. */
    public boolean update(Tenant t) {
        return jdbc.sql("UPDATE tenants SET name = ?, state = ?, contract_start = ?, contract_end = ?, fully_managed = ?, "
                + "incident_notice_hours = ?, storage_countries = ?, updated_at = ?, version = ? "
                + "WHERE tenant_id = ? AND version = ?")
                .params(t.name(), t.state().name(), t.contractStart(), t.contractEnd(), t.fullyManaged(),
                        t.incidentNoticeHours(), String.join(",", t.storageCountries()), utc(t.updatedAt()),
                        t.version(), t.id(), t.version() - 1)
                .update() == 1;
    }

    public Optional<Tenant> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenants WHERE tenant_id = ?").param(id).query(Tenants::tenant)
                .optional();
    }

    public Optional<Tenant> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenants WHERE slug = ?").param(slug).query(Tenants::tenant)
                .optional();
    }

    public List<Tenant> page(long offset, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenants ORDER BY slug LIMIT ? OFFSET ?").params(size, offset)
                .query(Tenants::tenant).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM tenants").query(Long.class).single();
    }

    public void recordChange(TenantChange c) {
        jdbc.sql("INSERT INTO tenant_changes (tenant_id, version, changed_at, actor, summary) VALUES (?,?,?,?,?)")
                .params(c.tenantId(), c.version(), utc(c.changedAt()), c.actor(), c.summary()).update();
    }

    public List<TenantChange> changes(UUID tenantId) {
        return jdbc.sql("SELECT tenant_id, version, changed_at, actor, summary FROM tenant_changes WHERE tenant_id = ? "
                + "ORDER BY version").param(tenantId)
                .query((rs, n) -> new TenantChange(rs.getObject(1, UUID.class), rs.getInt(2), instant(rs, 3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    private static Tenant tenant(ResultSet rs, int row) throws SQLException {
        String countries = rs.getString(9);
        return new Tenant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                TenantState.valueOf(rs.getString(4)), rs.getObject(5, java.time.LocalDate.class),
                rs.getObject(6, java.time.LocalDate.class), rs.getBoolean(7), rs.getInt(8),
                countries.isEmpty() ? List.of() : Arrays.asList(countries.split(",")), instant(rs, 10),
                instant(rs, 11), rs.getInt(12));
    }
}
