package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Feature packages talk only through each other's root package: a test fails when one reaches
 * into another's internals or when packages depend on each other in a cycle. Also keeps the module
 * diagram in docs/modules current: generated under target/, relations in a stable order, and
 * copied to docs/modules only when its content changed (so a build leaves docs alone unless the
 * modules changed). With {@code -Dsteward.modules.docs=check} it fails instead of copying.
 */
class ModularityTest {

    static final Path DOCS = Path.of("../docs/modules");
    static final Path GENERATED = Path.of("target/modules");

    /**
     * The plain-Java libraries (ledger, keys, deadlines) share the base package but are not feature modules:
     * their own tests keep them free of Spring; here they are libraries any feature may use.
     */
    private final ApplicationModules modules = ApplicationModules.of(StewardApplication.class,
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage("dev.steward.keys..",
                    "dev.steward.ledger..", "dev.steward.deadlines.."));

    @Test
    void featurePackagesRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void theModuleDiagramInDocsIsTheOneOfTheCode() throws IOException {
        Map<String, String> generated = generate(GENERATED);
        Map<String, String> stale = staleDocs(generated, DOCS);
        if ("check".equals(System.getProperty("steward.modules.docs"))) {
            assertThat(stale.keySet()).as("files of docs/modules that differ from the code's modules"
                    + " (run ModularityTest without -Dsteward.modules.docs=check to update them)").isEmpty();
            return;
        }
        write(stale, DOCS);

        assertThat(staleDocs(generated, DOCS)).isEmpty();
    }

    @Test
    void theDiagramIsTheSameOnEveryGeneration() throws IOException {
        assertThat(generate(GENERATED.resolveSibling("modules-again"))).isEqualTo(generate(GENERATED));
    }

    @Test
    void theEntriesOfACanvasCellAreSortedAndTheCellKeepsItsBar() {
        String a = "|Events listened to\n|* `d.s.t.TenantDeleted` (async) \n* `d.s.t.TenantDeactivated` (async) \n|===";
        String b = "|Events listened to\n|* `d.s.t.TenantDeactivated` (async) \n* `d.s.t.TenantDeleted` (async) \n|===";

        assertThat(stable(a)).isEqualTo(stable(b)).isEqualTo(b);
    }

    @Test
    void relationsAreSortedAndTheRestKeepsItsPlace() {
        String a = "@startuml\nRel(B, A, \"uses\")\nRel(A, B, \"uses\")\n\nSHOW_LEGEND(true)\n@enduml";
        String b = "@startuml\nRel(A, B, \"uses\")\nRel(B, A, \"uses\")\n\nSHOW_LEGEND(true)\n@enduml";

        assertThat(stable(a)).isEqualTo(stable(b)).isEqualTo(b);
    }

    /** Writes the diagram and module canvases into {@code folder}; returns file name → stable content. */
    private Map<String, String> generate(Path folder) throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeModuleCanvases();
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.toList()) {
                files.put(file.getFileName().toString(), stable(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    /** The files to write (name → content; null for a file to delete) so that docs holds exactly {@code generated}. */
    private static Map<String, String> staleDocs(Map<String, String> generated, Path docs) throws IOException {
        Map<String, String> stale = new TreeMap<>();
        for (var file : generated.entrySet()) {
            Path existing = docs.resolve(file.getKey());
            if (!Files.exists(existing) || !Files.readString(existing, StandardCharsets.UTF_8).equals(file.getValue())) {
                stale.put(file.getKey(), file.getValue());
            }
        }
        if (Files.isDirectory(docs)) {
            try (Stream<Path> listed = Files.list(docs)) {
                // only what the Documenter writes: anything else in docs/modules is left alone
                listed.map(p -> p.getFileName().toString())
                        .filter(name -> name.startsWith("module-") || name.startsWith("components"))
                        .filter(name -> !generated.containsKey(name))
                        .forEach(name -> stale.put(name, null));
            }
        }
        return stale;
    }

    private static void write(Map<String, String> stale, Path docs) throws IOException {
        Files.createDirectories(docs);
        for (var file : stale.entrySet()) {
            if (file.getValue() == null) {
                Files.delete(docs.resolve(file.getKey()));
            } else {
                Files.writeString(docs.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * The Documenter lists relations, and the entries of a canvas cell (events listened to, beans...), in
     * the order of a hash-based collection, which differed between runs: each run of consecutive
     * {@code Rel(} lines, and each cell's list ({@code |* a} then {@code * b} lines), is sorted; everything
     * else stays where it is.
     */
    static String stable(String content) {
        List<String> out = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        List<String> cell = new ArrayList<>();
        for (String line : content.split("\\R", -1)) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            flushSorted(relations, out);
            if (line.startsWith("|* ") || (!cell.isEmpty() && line.startsWith("* "))) {
                if (line.startsWith("|* ")) {
                    flushCell(cell, out);
                }
                cell.add(line.startsWith("|") ? line.substring(1) : line);
                continue;
            }
            flushCell(cell, out);
            out.add(line);
        }
        flushSorted(relations, out);
        flushCell(cell, out);
        return String.join("\n", out);
    }

    private static void flushSorted(List<String> lines, List<String> out) {
        lines.sort(null);
        out.addAll(lines);
        lines.clear();
    }

    /** A cell's entries sorted, the first one carrying the cell's {@code |} again. */
    private static void flushCell(List<String> entries, List<String> out) {
        if (entries.isEmpty()) {
            return;
        }
        entries.sort(null);
        out.add("|" + entries.getFirst());
        out.addAll(entries.subList(1, entries.size()));
        entries.clear();
    }
}
