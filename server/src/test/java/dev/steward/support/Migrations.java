package dev.steward.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The Flyway migrations exactly as the server configures them ({@code spring.flyway.locations} of
 * application.yaml, {@code {vendor}} standing for {@code h2} and {@code postgresql}), for tests of
 * the migrations themselves.
 */
public final class Migrations {

    public static final List<String> VENDORS = List.of("h2", "postgresql");

    /** One migration file: its folder on the class path (e.g. {@code db/migration/common}), name, version, checksum. */
    public record MigrationFile(String location, String script, String version, int checksum) {

        public String path() {
            return location + "/" + script;
        }
    }

    private Migrations() {
    }

    /** The configured locations, {@code {vendor}} left in place, without the {@code classpath:} prefix. */
    public static List<String> locations() {
        return Arrays.stream(setting("spring.flyway.locations").split(","))
                .map(String::trim).map(l -> l.replaceFirst("^classpath:", "")).toList();
    }

    /** The locations Flyway reads on {@code vendor}. */
    public static List<String> locations(String vendor) {
        return locations().stream().map(l -> l.replace("{vendor}", vendor)).toList();
    }

    /** Every versioned migration file of every location of every vendor (a common one once), with Flyway's checksum. */
    public static List<MigrationFile> files() {
        List<String> all = new ArrayList<>();
        for (String vendor : VENDORS) {
            locations(vendor).stream().filter(l -> !all.contains(l)).forEach(all::add);
        }
        List<MigrationFile> files = new ArrayList<>();
        for (String location : all) {
            // Resolving and checksumming reads the files only: an empty in-memory database is enough.
            Flyway flyway = configure(location).dataSource(
                    "jdbc:h2:mem:resolve_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "").load();
            for (MigrationInfo info : flyway.info().all()) {
                if (info.getVersion() != null) {
                    files.add(new MigrationFile(location, info.getScript(), info.getVersion().getVersion(),
                            info.getChecksum()));
                }
            }
        }
        return files;
    }

    /** Applies the server's migrations for {@code vendor} to {@code dataSource}, as the server's start does. */
    public static void migrate(String vendor, DataSource dataSource, Map<String, String> placeholders) {
        configure(locations(vendor).toArray(String[]::new)).dataSource(dataSource).placeholders(placeholders).load()
                .migrate();
    }

    /** Applies the server's migrations for {@code vendor} up to and including {@code version}, as an older release did. */
    public static void migrateTo(String vendor, DataSource dataSource, Map<String, String> placeholders, String version) {
        configure(locations(vendor).toArray(String[]::new)).dataSource(dataSource).placeholders(placeholders)
                .target(version).load().migrate();
    }

    private static FluentConfiguration configure(String... locations) {
        return Flyway.configure().locations(Arrays.stream(locations).map(l -> "classpath:" + l).toArray(String[]::new))
                .table(setting("spring.flyway.table")).cleanDisabled(true);
    }

    private static String setting(String key) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String value = yaml.getObject().getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not set in application.yaml");
        }
        return value;
    }
}
