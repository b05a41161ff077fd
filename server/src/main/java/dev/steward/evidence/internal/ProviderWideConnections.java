package dev.steward.evidence.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;

/**
 * Connections for the ledger's own storage work: the sequencer and integrator maintain every
 * tenant's log, whatever thread they run on, so their connections are provider-wide for
 * row-level security. Entries queued inside a caller's transaction do not come from here: they use
 * the caller's connection and are checked against the caller's scope.
 */
final class ProviderWideConnections extends DelegatingDataSource {

    ProviderWideConnections(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        SQLException[] failed = {null};
        Connection c = TenantScope.call(DataScope.wholeProvider(), () -> {
            try {
                return super.getConnection();
            } catch (SQLException e) {
                failed[0] = e;
                return null;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        return c;
    }
}
