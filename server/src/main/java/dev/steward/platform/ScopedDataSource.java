package dev.steward.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry the current {@link TenantScope} as PostgreSQL settings
 * ({@code steward.tenant_id}, {@code steward.scope}), which the row-level security policies read.
 * With no scope the settings are cleared, so a forgotten scope sees no tenant row at all.
 */
final class ScopedDataSource extends DelegatingDataSource {

    private static final String APPLY = "SELECT set_config('steward.tenant_id', ?, false), set_config('steward.scope', ?, false)";

    ScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        DataScope scope = TenantScope.current().orElse(null);
        try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
            statement.setString(1, scope == null ? "" : scope.tenantId().toString());
            statement.setString(2, scope != null && scope.providerWide() ? "provider" : "tenant");
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
