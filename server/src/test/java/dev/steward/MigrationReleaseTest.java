package dev.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import dev.steward.support.Migrations;
import dev.steward.support.Migrations.MigrationFile;

/**
 * The numbering rule of docs/design/migrations.md: Flyway versions are one sequence across every
 * migration folder, and an install that applied the released high-water mark refuses (or silently
 * skips) a migration numbered below it. So {@code db/migration/RELEASED} names that mark and every
 * released file with its Flyway checksum, and this test fails when a file is numbered at or below the
 * mark without being released, when a released file changed or went away, or when two files of one
 * database share a version. Files above the mark are free.
 */
class MigrationReleaseTest {

    private static final String RELEASED = "/db/migration/RELEASED";

    /** The released state: the high-water mark and the released files (path → checksum). */
    record Released(MigrationVersion highWaterMark, Map<String, Integer> checksums) {

        static Released parse(String text) {
            MigrationVersion mark = null;
            Map<String, Integer> checksums = new LinkedHashMap<>();
            for (String raw : text.split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("RELEASED: cannot read line \"" + line + "\"");
                }
                if (parts[0].equals("high-water-mark")) {
                    mark = MigrationVersion.fromVersion(parts[1]);
                } else {
                    checksums.put(parts[0], Integer.valueOf(parts[1]));
                }
            }
            if (mark == null) {
                throw new IllegalArgumentException("RELEASED: no high-water-mark line");
            }
            return new Released(mark, checksums);
        }
    }

    /** What breaks an existing install or the next start, one sentence each; empty when the files are fine. */
    static List<String> violations(Released released, List<MigrationFile> files) {
        List<String> found = new ArrayList<>();
        Map<String, MigrationFile> byPath = new TreeMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        released.checksums().forEach((path, checksum) -> {
            MigrationFile file = byPath.get(path);
            if (file == null) {
                found.add(path + " was released but is gone or renamed: installs have applied it; restore it");
            } else if (file.checksum() != checksum) {
                found.add(path + " was released but changed (checksum " + file.checksum() + ", released " + checksum
                        + "): Flyway refuses to start on installs that applied it; restore it and put the change in a"
                        + " new migration above V" + released.highWaterMark());
            }
        });
        for (MigrationFile file : byPath.values()) {
            boolean atOrBelow = MigrationVersion.fromVersion(file.version()).compareTo(released.highWaterMark()) <= 0;
            if (atOrBelow && !released.checksums().containsKey(file.path())) {
                found.add(file.path() + " is numbered V" + file.version() + ", at or below the released high-water"
                        + " mark V" + released.highWaterMark() + ", but was never released: installs that applied V"
                        + released.highWaterMark() + " would refuse it; number it above V" + released.highWaterMark()
                        + " (when releasing instead, add the line \"" + file.path() + " " + file.checksum()
                        + "\" to RELEASED)");
            }
        }
        found.addAll(sharedVersions(files));
        return found;
    }

    /** Two files of one database with one version stop Flyway at start-up: caught here, before the merge ships. */
    private static List<String> sharedVersions(List<MigrationFile> files) {
        List<String> found = new ArrayList<>();
        for (String vendor : Migrations.VENDORS) {
            List<String> locations = Migrations.locations(vendor);
            Map<String, List<String>> byVersion = new TreeMap<>();
            files.stream().filter(f -> locations.contains(f.location()))
                    .forEach(f -> byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f.path()));
            byVersion.forEach((version, paths) -> {
                if (paths.size() > 1) {
                    found.add("V" + version + " is used by " + String.join(" and ", paths) + " on " + vendor
                            + ": versions are one sequence across all folders");
                }
            });
        }
        return found;
    }

    @Test
    void everyMigrationFileKeepsTheReleaseRule() throws IOException {
        Released released;
        try (InputStream in = MigrationReleaseTest.class.getResourceAsStream(RELEASED)) {
            assertThat(in).as(RELEASED + " on the class path").isNotNull();
            released = Released.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<MigrationFile> files = Migrations.files();

        assertThat(files).as("migration files found").isNotEmpty();
        assertThat(violations(released, files)).as("see docs/design/migrations.md").isEmpty();
    }

    @Test
    void theReleasedListHasOnlyFilesAtOrBelowItsMark() throws IOException {
        Released released;
        try (InputStream in = MigrationReleaseTest.class.getResourceAsStream(RELEASED)) {
            released = Released.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(Migrations.files()).filteredOn(f -> released.checksums().containsKey(f.path()))
                .allSatisfy(f -> assertThat(MigrationVersion.fromVersion(f.version()))
                        .isLessThanOrEqualTo(released.highWaterMark()));
    }

    private static final Released SAMPLE = Released.parse("""
            # comment
            high-water-mark 201
            db/migration/common/V1__a.sql 11
            db/migration/postgresql/V201__b.sql 22
            """);

    @Test
    void aNewFileAboveTheMarkIsAccepted() {
        assertThat(violations(SAMPLE, List.of(file("common", "V1__a.sql", "1", 11),
                file("postgresql", "V201__b.sql", "201", 22), file("common", "V210__new.sql", "210", 33),
                file("h2", "V259__new.sql", "259", 44)))).isEmpty();
    }

    @Test
    void aNewFileAtOrBelowTheMarkIsRefused() {
        List<String> found = violations(SAMPLE, List.of(file("common", "V1__a.sql", "1", 11),
                file("postgresql", "V201__b.sql", "201", 22), file("common", "V60__late.sql", "60", 33),
                file("h2", "V201__same.sql", "201", 44)));

        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("db/migration/common/V60__late.sql is numbered V60, at or below");
        assertThat(found.get(1)).startsWith("db/migration/h2/V201__same.sql is numbered V201");
    }

    @Test
    void aChangedOrRemovedReleasedFileIsRefused() {
        List<String> found = violations(SAMPLE, List.of(file("common", "V1__a.sql", "1", 12)));

        assertThat(found).containsExactly(
                "db/migration/common/V1__a.sql was released but changed (checksum 12, released 11): Flyway refuses"
                        + " to start on installs that applied it; restore it and put the change in a new migration"
                        + " above V201",
                "db/migration/postgresql/V201__b.sql was released but is gone or renamed: installs have applied it;"
                        + " restore it");
    }

    @Test
    void twoFilesOfOneDatabaseWithOneVersionAreRefused() {
        List<String> found = violations(SAMPLE, List.of(file("common", "V1__a.sql", "1", 11),
                file("postgresql", "V201__b.sql", "201", 22), file("common", "V230__x.sql", "230", 1),
                file("postgresql", "V230__y.sql", "230", 2)));

        assertThat(found).containsExactly("V230 is used by db/migration/common/V230__x.sql and"
                + " db/migration/postgresql/V230__y.sql on postgresql: versions are one sequence across all folders");
    }

    private static MigrationFile file(String folder, String script, String version, int checksum) {
        return new MigrationFile("db/migration/" + folder, script, version, checksum);
    }
}
