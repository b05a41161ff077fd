package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every code and test cell of docs/policy-traceability.md names {@code `Class`} or
 * {@code `Class#member`} references (a method, or a field or enum constant), and every one of them
 * exists in the main or test sources of some module (server, ledger, keys, cli, bench). Classes
 * are found by simple name (a file of that name, or a nested type declared in one; {@code Outer.Inner}
 * also works); a member by its declaration in that class's file. A failure names the row and the
 * missing reference.
 */
class TraceabilityTest {

    static final Path REPOSITORY = Path.of("..");
    static final Path TABLE = REPOSITORY.resolve("docs/policy-traceability.md");

    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9_]*(?:\\.[A-Z][A-Za-z0-9_]*)*)(?:#([A-Za-z_][A-Za-z0-9_]*))?`");
    private static final Pattern CELL = Pattern.compile("—|" + REFERENCE.pattern() + "(?:, " + REFERENCE.pattern() + ")*");

    /** A row of the table: its obligation ID and its code and test cells. */
    record Row(String id, String code, String test) {
    }

    @Test
    void everyNamedClassAndMethodExists() throws IOException {
        List<Row> rows = rows(Files.readString(TABLE, StandardCharsets.UTF_8));
        Sources sources = Sources.of(REPOSITORY);

        assertThat(rows).as("rows of " + TABLE).hasSizeGreaterThan(10);
        assertThat(problems(rows, sources)).as("see " + TABLE).isEmpty();
    }

    @Test
    void aMissingClassOrMethodOrACellOfProseIsReportedWithItsRow() {
        Sources sources = Sources.of(Map.of("Tenant", "record Tenant(UUID id) {\n  void rename() {}\n"
                + "  Outer.Inner keeping() {\n    return null;\n  }\n"
                + "  String label() {\n    return erase(id);\n  }\n}",
                "Outer", "class Outer {\n  static final class Inner {\n    void go() {\n    }\n  }\n}"));
        List<Row> rows = rows("""
                | ID | feature | code | test | status |
                |---|---|---|---|---|
                | A-1 | x | `Tenant#rename`, `Tenant#id`, `Tenant#keeping`, `Outer.Inner#go`, `Inner` | — | met |
                | A-2 | x | `Tenant#erase` | `Missing` | partial |
                | A-3 | x | server/src/main/java/dev/steward/tenancy/ | `Tenant` | partial |
                """);

        assertThat(problems(rows, sources)).containsExactly(
                "A-2: code names Tenant#erase, but Tenant has no member erase",
                "A-2: test names Missing, but no module has that class",
                "A-3: code must be — or `Class` / `Class#method` references separated by \", \", not:"
                        + " server/src/main/java/dev/steward/tenancy/");
    }

    static List<Row> rows(String markdown) {
        List<Row> rows = new ArrayList<>();
        for (String line : markdown.split("\\R")) {
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| ID ")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
            if (cells.length == 5) {
                rows.add(new Row(cells[0].strip(), cells[2].strip(), cells[3].strip()));
            }
        }
        return rows;
    }

    static List<String> problems(List<Row> rows, Sources sources) {
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            check(row.id(), "code", row.code(), sources, problems);
            check(row.id(), "test", row.test(), sources, problems);
        }
        return problems;
    }

    private static void check(String id, String column, String cell, Sources sources, List<String> problems) {
        if (!CELL.matcher(cell).matches()) {
            problems.add(id + ": " + column + " must be — or `Class` / `Class#method` references separated by"
                    + " \", \", not: " + cell);
            return;
        }
        Matcher m = REFERENCE.matcher(cell);
        while (m.find()) {
            String type = m.group(1);
            String member = m.group(2);
            String name = type + (member == null ? "" : "#" + member);
            List<String> declarations = sources.declarationsOf(type);
            if (declarations.isEmpty()) {
                problems.add(id + ": " + column + " names " + name + ", but no module has that class");
            } else if (member != null && declarations.stream().noneMatch(d -> declares(d, member))) {
                problems.add(id + ": " + column + " names " + name + ", but " + type + " has no member " + member);
            }
        }
    }

    private static final List<String> NOT_TYPES = List.of("return", "new", "throw", "else", "case", "yield");

    /** Whether {@code declaration} (a type's source text) declares a method, field, enum constant or record component {@code member}. */
    static boolean declares(String declaration, String member) {
        String name = Pattern.quote(member);
        // a method or a field: a type (qualified, generic or array) before the name, not a keyword such as "return"
        Matcher typed = Pattern.compile("(?<![\\w.])(?:\\w+\\.)*(\\w+)(?:<[^;{}()]*>)?(?:\\[\\])*\\s+" + name
                + "\\s*[(=;]")
                .matcher(declaration);
        while (typed.find()) {
            if (!NOT_TYPES.contains(typed.group(1))) {
                return true;
            }
        }
        return Pattern.compile("(?m)^\\s*" + name + "\\s*[,;({]").matcher(declaration).find()
                || Pattern.compile("\\brecord\\s+\\w+\\s*(?:<[^>]*>)?\\s*\\([^)]*\\b" + name + "\\s*[,)]")
                        .matcher(declaration).find();
    }

    /** The Java sources of every module, by type simple name: the text of each type of that name. */
    record Sources(Map<String, List<String>> bySimpleName) {

        static Sources of(Path repository) throws IOException {
            Map<String, List<String>> byName = new HashMap<>();
            List<Path> roots = new ArrayList<>();
            try (Stream<Path> modules = Files.list(repository)) {
                for (Path module : modules.filter(Files::isDirectory).toList()) {
                    for (String set : List.of("src/main/java", "src/test/java")) {
                        if (Files.isDirectory(module.resolve(set))) {
                            roots.add(module.resolve(set));
                        }
                    }
                }
            }
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        index(file.getFileName().toString().replace(".java", ""),
                                Files.readString(file, StandardCharsets.UTF_8), byName);
                    }
                }
            }
            return new Sources(byName);
        }

        /** Sources from texts by file name without ".java", for tests of this test. */
        static Sources of(Map<String, String> files) {
            Map<String, List<String>> byName = new HashMap<>();
            files.forEach((simple, text) -> index(simple, text, byName));
            return new Sources(byName);
        }

        private static void index(String simple, String text, Map<String, List<String>> byName) {
            byName.computeIfAbsent(simple, k -> new ArrayList<>()).add(text);
            // nested types: the whole file stands for them, which is enough to find their members
            Matcher nested = Pattern.compile("\\b(?:class|record|enum|interface)\\s+([A-Z]\\w*)").matcher(text);
            while (nested.find()) {
                if (!nested.group(1).equals(simple)) {
                    byName.computeIfAbsent(nested.group(1), k -> new ArrayList<>()).add(text);
                }
            }
        }

        /** The source texts that declare {@code type} ({@code Outer.Inner} looks for Inner inside Outer). */
        List<String> declarationsOf(String type) {
            String[] parts = type.split("\\.");
            List<String> found = bySimpleName.getOrDefault(parts[parts.length - 1], List.of());
            if (parts.length == 1) {
                return found;
            }
            List<String> outer = bySimpleName.getOrDefault(parts[0], List.of());
            return found.stream().filter(outer::contains).toList();
        }
    }
}
