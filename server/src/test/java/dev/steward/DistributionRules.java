package dev.steward;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rule that keeps Steward's schema distributable on Citus (docs/design/citus-distribution.md), checked
 * on a migrated PostgreSQL schema: every table is either declared global in {@code schema_placement} or is
 * a tenant table, which has {@code tenant_id}, a primary key that starts with it, and no primary key,
 * unique constraint or unique index without it. Each violation names the table and the rule.
 */
record DistributionRules(Map<String, Table> tables, Map<String, String> declared) {

    /** A unique key: the primary key, a unique constraint or a unique index, with its columns in order. */
    record UniqueKey(String name, boolean primary, List<String> columns) {
    }

    record Table(String name, Set<String> columns, List<UniqueKey> uniqueKeys) {
    }

    static final String RULE_GLOBAL = "rule: every table has tenant_id and is distributed on it, or is declared"
            + " in schema_placement as 'reference' or 'local' with its reason";
    static final String RULE_TENANT_FIRST = "rule: a tenant table's primary key starts with tenant_id";
    static final String RULE_UNIQUE = "rule: on a distributed table every primary key, unique constraint and"
            + " unique index includes tenant_id (a global uniqueness needs a reference table)";
    static final String RULE_DECLARED = "rule: schema_placement names only tables that exist";

    List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (String name : new TreeSet<>(declared.keySet())) {
            if (!tables.containsKey(name)) {
                violations.add("schema_placement declares " + name + ", which is no table of the schema (" + RULE_DECLARED + ")");
            }
        }
        for (Table table : tables.values()) {
            if (declared.containsKey(table.name())) {
                continue;
            }
            if (!table.columns().contains("tenant_id")) {
                violations.add("table " + table.name() + " has no tenant_id and is not declared global (" + RULE_GLOBAL + ")");
                continue;
            }
            for (UniqueKey key : table.uniqueKeys()) {
                if (!key.columns().contains("tenant_id")) {
                    violations.add("table " + table.name() + ": " + describe(key) + " does not include tenant_id ("
                            + RULE_UNIQUE + ")");
                } else if (key.primary() && !key.columns().get(0).equals("tenant_id")) {
                    violations.add("table " + table.name() + ": " + describe(key) + " does not start with tenant_id ("
                            + RULE_TENANT_FIRST + ")");
                }
            }
            if (table.uniqueKeys().stream().noneMatch(UniqueKey::primary)) {
                violations.add("table " + table.name() + " has no primary key (" + RULE_TENANT_FIRST + ")");
            }
        }
        return violations;
    }

    private static String describe(UniqueKey key) {
        return (key.primary() ? "primary key " : "unique key ") + key.name() + " (" + String.join(", ", key.columns()) + ")";
    }

    /** Reads the tables, columns, unique keys and the declaration of {@code schema} on PostgreSQL. */
    static DistributionRules read(Connection c, String schema) throws SQLException {
        Map<String, Set<String>> columns = new TreeMap<>();
        Map<String, List<UniqueKey>> keys = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT t.table_name, c.column_name FROM information_schema.tables t"
                        + " JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name"
                        + " WHERE t.table_schema = '" + schema + "' AND t.table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.relname, i.relname, x.indisprimary,
                       array_to_string(ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                           JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n), ',')
                FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE x.indisunique AND n.nspname = '""" + schema + "' ORDER BY 1, 2")) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new UniqueKey(rs.getString(2), rs.getBoolean(3), List.of(rs.getString(4).split(","))));
            }
        }
        Map<String, Table> tables = new TreeMap<>();
        columns.forEach((name, cols) -> tables.put(name, new Table(name, cols, keys.getOrDefault(name, List.of()))));
        Map<String, String> declared = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, placement FROM schema_placement")) {
            while (rs.next()) {
                declared.put(rs.getString(1), rs.getString(2));
            }
        }
        return new DistributionRules(tables, declared);
    }
}
