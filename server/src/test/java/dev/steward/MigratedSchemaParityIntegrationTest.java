package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.steward.support.Migrations;
import dev.steward.support.TestDatabases;
import dev.steward.support.TestPostgres;

/**
 * Both databases get the same tables, columns (type, nullability) and primary keys from the
 * migrations, except for the differences listed in {@link #INTENDED_DIFFERENCES}: the shared code
 * and its tests then mean the same thing on both. Each database is migrated fresh, as on a new
 * install, and compared through JDBC metadata.
 */
class MigratedSchemaParityIntegrationTest {

    /**
     * Facts (in the form this test prints them) true on one database only, on purpose. Today there
     * are none: PostgreSQL's extra migrations add row-level security policies, functions and grants,
     * which are not tables or columns. Add a line here, with its reason, for each new intended one.
     */
    static final Set<String> INTENDED_DIFFERENCES = Set.of();

    /**
     * Tables whose shape a library owns per database: Spring Modulith's event publication registry
     * ships one schema for H2 and another for PostgreSQL (varchar widths, text), copied as they are.
     */
    static final Set<String> LIBRARY_TABLES = Set.of("event_publication");

    /** Column types as either database's metadata names them, mapped to one name per kind of value. */
    private static final Map<String, String> TYPE_KINDS = Map.ofEntries(
            Map.entry("character varying", "varchar"), Map.entry("varchar", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"), Map.entry("char", "char"),
            Map.entry("text", "text"), Map.entry("character large object", "text"),
            Map.entry("integer", "int4"), Map.entry("int4", "int4"), Map.entry("serial", "int4"),
            Map.entry("bigint", "int8"), Map.entry("int8", "int8"), Map.entry("bigserial", "int8"),
            Map.entry("smallint", "int2"), Map.entry("int2", "int2"),
            Map.entry("boolean", "bool"), Map.entry("bool", "bool"),
            Map.entry("uuid", "uuid"),
            Map.entry("binary varying", "bytes"), Map.entry("bytea", "bytes"), Map.entry("binary large object", "bytes"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("timestamptz", "timestamptz"),
            Map.entry("timestamp", "timestamp"), Map.entry("date", "date"),
            Map.entry("double precision", "float8"), Map.entry("float8", "float8"),
            Map.entry("numeric", "numeric"), Map.entry("jsonb", "json"), Map.entry("json", "json"));

    @Test
    void h2AndPostgresqlHaveTheSameTablesColumnsAndPrimaryKeys() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:parity_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Migrations.migrate("h2", h2, Map.of());
        Set<String> onH2 = schema(h2, "PUBLIC");

        String name = "steward_parity_" + UUID.randomUUID().toString().substring(0, 8);
        TestDatabases.createDatabase(name);
        try {
            TestPostgres pg = TestPostgres.configured();
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(pg.url(name));
            postgres.setUser(pg.adminUser());
            postgres.setPassword(pg.adminPassword());
            Migrations.migrate("postgresql", postgres, Map.of("app_role", TestDatabases.APP_ROLE));
            Set<String> onPostgres = schema(postgres, "public");

            assertThat(onH2).as("sanity: the metadata was read").anyMatch(f -> f.startsWith("table records "));
            assertThat(onH2).as("column types TYPE_KINDS does not know").noneMatch(f -> f.contains("unmapped:"));
            assertThat(onPostgres).as("column types TYPE_KINDS does not know").noneMatch(f -> f.contains("unmapped:"));
            assertThat(difference(onH2, onPostgres, "H2 only: "))
                    .as("on H2 only (not in INTENDED_DIFFERENCES)").isEmpty();
            assertThat(difference(onPostgres, onH2, "PostgreSQL only: "))
                    .as("on PostgreSQL only (not in INTENDED_DIFFERENCES)").isEmpty();
        } finally {
            TestDatabases.dropDatabase(name);
        }
    }

    @Test
    void aColumnOfAnotherTypeIsADifference() {
        Set<String> a = Set.of("table t column c varchar(40) not null");
        Set<String> b = Set.of("table t column c text not null");

        assertThat(difference(a, b, "H2 only: ")).containsExactly("H2 only: table t column c varchar(40) not null");
    }

    private static Set<String> difference(Set<String> of, Set<String> minus, String prefix) {
        Set<String> left = new TreeSet<>();
        for (String fact : of) {
            if (!minus.contains(fact) && !INTENDED_DIFFERENCES.contains(prefix + fact)) {
                left.add(prefix + fact);
            }
        }
        return left;
    }

    /** One line per table, column and primary key, lower-cased, in a form both databases share. */
    private static Set<String> schema(DataSource dataSource, String schema) throws SQLException {
        Set<String> facts = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            Set<String> tables = new TreeSet<>();
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!LIBRARY_TABLES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                String t = table.toLowerCase(Locale.ROOT);
                facts.add("table " + t);
                try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                    while (rs.next()) {
                        facts.add("table " + t + " column " + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                                + type(rs) + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? " not null" : ""));
                    }
                }
                Map<Short, String> key = new TreeMap<>();
                try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                    while (rs.next()) {
                        key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!key.isEmpty()) {
                    facts.add("table " + t + " primary key (" + String.join(", ", key.values()) + ")");
                }
            }
        }
        return facts;
    }

    private static String type(ResultSet column) throws SQLException {
        String name = column.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        String kind = TYPE_KINDS.getOrDefault(name, "unmapped:" + name);
        return kind.equals("varchar") || kind.equals("char") ? kind + "(" + column.getInt("COLUMN_SIZE") + ")" : kind;
    }
}
