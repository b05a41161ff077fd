package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The ledger's tables belong to the ledger module: server and CLI code reaches log data only
 * through the ledger's API ({@code LogReader}, {@code LogQueries}, {@code JdbcLogStorage}), never by
 * SQL naming a {@code ledger_} table, so the ledger can change how it stores logs (as it did when it
 * was re-keyed by tenant) without breaking a feature. Scans the Java sources and the server's own
 * migrations with comments removed. Tests may still read the tables, to check what is stored; the
 * benchmarks' bulk tree builder writes tiles directly and is not scanned.
 */
class LedgerTablesOnlyInLedgerTest {

    /**
     * Files allowed to name ledger tables, each with its reason; all name the tables and touch none
     * of their rows. V270 declared them global (Citus reference tables) until the re-key and V283 takes
     * them out of that declaration again; V282 puts them under the server's row-level security policy
     * (a PostgreSQL function of the server's own migrations).
     */
    private static final java.util.Set<String> ALLOWED = java.util.Set.of("V270__schema_placement.sql",
            "V282__ledger_row_level_security.sql", "V283__ledger_distributed_by_tenant.sql");

    private static final Pattern LEDGER_TABLE = Pattern.compile("\\bledger_[a-z_]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVA_COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern SQL_COMMENT = Pattern.compile("--[^\\n]*");

    @Test
    void noServerOrCliCodeNamesALedgerTable() {
        List<String> found = new ArrayList<>();
        scan(Path.of("src/main/java"), ".java", JAVA_COMMENT, found);
        scan(Path.of("../cli/src/main/java"), ".java", JAVA_COMMENT, found);
        scan(Path.of("src/main/resources/db/migration"), ".sql", SQL_COMMENT, found);
        assertThat(found).as("SQL naming ledger tables outside the ledger module; use the ledger's API").isEmpty();
    }

    @Test
    void theScanFindsALedgerTableInCodeButNotInAComment() {
        String java = """
                // reads ledger_entry: only a comment
                /* ledger_tree too */
                jdbc.sql("SELECT x.seq FROM evidence_index i JOIN LEDGER_PENDING_INDEX x ON x.pending_id = i.pending_id");
                """;
        assertThat(names(java, JAVA_COMMENT)).containsExactly("LEDGER_PENDING_INDEX");
        assertThat(names("-- keyed like ledger_log\nSELECT 1 FROM ledger_tile;", SQL_COMMENT)).containsExactly("ledger_tile");
    }

    private static void scan(Path root, String suffix, Pattern comments, List<String> found) {
        assertThat(root).as("source folder (tests run in the server module)").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !ALLOWED.contains(p.getFileName().toString())).toList()) {
                names(Files.readString(f), comments).forEach(n -> found.add(f + ": " + n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(String source, Pattern comments) {
        List<String> names = new ArrayList<>();
        Matcher m = LEDGER_TABLE.matcher(comments.matcher(source).replaceAll(" "));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
