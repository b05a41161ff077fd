package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import dev.steward.support.CitusCondition;
import dev.steward.support.Migrations;
import dev.steward.support.TestCitus;
import dev.steward.support.TestDatabases;
import dev.steward.support.TestPostgres;

/**
 * The migrated schema stays distributable on Citus (docs/design/citus-distribution.md): on every build,
 * on a single PostgreSQL, every table is a tenant table with tenant-first keys or is declared global in
 * {@code schema_placement}; and on a Citus cluster, when there is one, the migrations placed every table
 * as declared.
 */
class MigratedSchemaDistributesIntegrationTest {

    @Test
    void everyTableIsATenantTableWithTenantFirstKeysOrDeclaredGlobal() throws SQLException {
        String name = "steward_distributes_" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabases.createDatabase(name);
        try {
            TestPostgres pg = TestPostgres.configured();
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(pg.url(name));
            postgres.setUser(pg.adminUser());
            postgres.setPassword(pg.adminPassword());
            Migrations.migrate("postgresql", postgres, Map.of("app_role", TestDatabases.APP_ROLE));
            try (Connection c = postgres.getConnection()) {
                DistributionRules rules = DistributionRules.read(c, "public");
                assertThat(rules.tables()).as("sanity: the schema was read").containsKeys("records", "tenants");
                assertThat(rules.declared()).as("sanity: the declaration was read").containsEntry("tenants", "reference");
                assertThat(rules.violations()).as("tables that would not distribute on Citus").isEmpty();
            }
        } finally {
            TestDatabases.dropDatabase(name);
        }
    }

    @Test
    @ExtendWith(CitusCondition.class)
    void onCitusEveryTenantTableIsDistributedCoLocatedAndEveryGlobalOneIsPlacedAsDeclared() throws SQLException {
        TestCitus citus = TestCitus.required();
        String name = "steward_distributes_" + UUID.randomUUID().toString().substring(0, 8);
        citus.createDatabase(name);
        try {
            TestPostgres coordinator = citus.coordinator();
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(coordinator.url(name));
            ds.setUser(coordinator.adminUser());
            ds.setPassword(coordinator.adminPassword());
            Migrations.migrate("postgresql", ds, Map.of("app_role", TestDatabases.APP_ROLE));
            try (Connection c = ds.getConnection()) {
                DistributionRules rules = DistributionRules.read(c, "public");
                Map<String, String> placed = placements(c);
                Map<String, String> expected = new TreeMap<>();
                long colocationGroups;
                for (String table : rules.tables().keySet()) {
                    String declared = rules.declared().get(table);
                    expected.put(table, declared == null ? "distributed on tenant_id" : declared);
                }
                assertThat(placed).as("placement of each table on Citus").isEqualTo(expected);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT COUNT(DISTINCT colocationid) FROM pg_dist_partition WHERE partmethod = 'h'")) {
                    rs.next();
                    colocationGroups = rs.getLong(1);
                }
                assertThat(colocationGroups).as("co-location groups of the tenant tables").isOne();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE conrelid = 'tenants'::regclass AND contype = 'u'")) {
                    assertThat(rs.next()).as("a unique constraint on the tenants reference table").isTrue();
                    assertThat(rs.getString(1)).isEqualTo("UNIQUE (slug)");
                }
            }
        } finally {
            citus.dropDatabase(name);
        }
    }

    private static Map<String, String> placements(Connection c) throws SQLException {
        Map<String, String> placed = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.relname, d.partmethod, column_to_column_name(d.logicalrelid, d.partkey)
                FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                LEFT JOIN pg_dist_partition d ON d.logicalrelid = t.oid
                WHERE n.nspname = 'public' AND t.relkind = 'r'""")) {
            while (rs.next()) {
                String method = rs.getString(2);
                placed.put(rs.getString(1), method == null ? "local"
                        : method.equals("n") ? "reference" : "distributed on " + rs.getString(3));
            }
        }
        return placed;
    }
}
