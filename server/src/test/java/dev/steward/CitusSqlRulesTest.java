package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The SQL of the application's own code (not its migrations, which run as the schema owner) has no
 * {@code INSERT ... SELECT}: Citus carries one out on a distributed table as a COPY, which it refuses
 * under row-level security ("COPY FROM not supported with row-level security"), so it works on H2 and
 * PostgreSQL and fails only on a cluster (docs/design/citus-distribution.md).
 */
class CitusSqlRulesTest {

    /** The SQL of a statement, once its concatenated string literals are joined. */
    private static final Pattern JOINED_LITERALS = Pattern.compile("\"\\s*\\+\\s*\"");
    private static final Pattern INSERT_SELECT = Pattern.compile("INSERT INTO \\w+\\s*(\\([^)]*\\))?\\s*SELECT\\b");

    @Test
    void noInsertSelectInTheApplicationsSql() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../ledger/src/main/java"),
                Path.of("../keys/src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = INSERT_SELECT.matcher(JOINED_LITERALS.matcher(Files.readString(f)).replaceAll(""));
                    while (m.find()) {
                        found.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("INSERT ... SELECT statements (read first, then INSERT ... VALUES)").isEmpty();
    }

    @Test
    void theRuleFindsAnInsertSelectSplitOverLiterals() {
        String source = "jdbc.sql(\"INSERT INTO steps (tenant_id, seq)\"\n                + \" SELECT ?, MAX(seq) FROM steps\")";
        assertThat(INSERT_SELECT.matcher(JOINED_LITERALS.matcher(source).replaceAll("")).find()).isTrue();
    }
}
