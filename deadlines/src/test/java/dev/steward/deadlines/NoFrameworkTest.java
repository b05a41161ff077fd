package dev.steward.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module is JDK only, so the CLI and any feature can count a period without a framework.
 * Checked on the sources and the build file, with no ArchUnit (the module has no such dependency).
 */
class NoFrameworkTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void mainSourcesImportOnlyTheJdkAndTheModuleItself() throws IOException {
        List<Path> files = javaFiles();
        assertThat(files).as("sources found under " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(10);
        for (Path file : files) {
            String source = Files.readString(file);
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                assertThat(m.group(1)).as(file + " imports").matches("(java|dev\\.steward\\.deadlines)\\..+");
            }
            // A fully qualified name in code would slip past the import check.
            assertThat(source).as(file.toString()).doesNotContain("org.springframework", "jakarta.", "javax.");
        }
    }

    @Test
    void theBuildDeclaresNoDependencyBeyondTests() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        int dependencies = 0;
        while (m.find()) {
            dependencies++;
            assertThat(m.group(1)).as("every dependency of deadlines is test-scoped").contains("<scope>test</scope>");
        }
        assertThat(dependencies).isPositive();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            return paths.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
