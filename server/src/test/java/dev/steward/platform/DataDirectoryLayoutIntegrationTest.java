package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The data directory keeps the database apart from the master key, its passphrase and the erasure
 * journal (SEC-2, SEC-6): a backup of the database alone never carries what reopens it, and a
 * restored database meets the live journal, which erases its subjects again.
 */
class DataDirectoryLayoutIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2_FILE)
    class OnH2File extends Cases {

        @Override
        List<byte[]> databaseBackup() throws Exception {
            jdbc.sql("CHECKPOINT SYNC").update();
            Path db = dataDir().resolve("db");
            assertThat(keys().startsWith(db) || db.startsWith(keys())).as("the keys directory and the database directory are apart").isFalse();
            try (Stream<Path> files = Files.walk(db)) {
                List<byte[]> out = new ArrayList<>();
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(f.getFileName().toString()).as("a file of the database directory").startsWith("steward.");
                    out.add(Files.readAllBytes(f));
                }
                return out;
            }
        }
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {

        @Override
        List<byte[]> databaseBackup() throws Exception {
            String url = env.getRequiredProperty("spring.datasource.url");
            String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*$", "");
            Process dump = new ProcessBuilder("/usr/bin/pg_dump", "-h", "127.0.0.1", "-U", "postgres", "--no-password",
                    database).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] sql = dump.getInputStream().readAllBytes();
            assertThat(dump.waitFor()).as("pg_dump exit code").isZero();
            return List.of(sql);
        }
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        JdbcClient jdbc;

        @Autowired
        Environment env;

        abstract List<byte[]> databaseBackup() throws Exception;

        Path dataDir() {
            return Path.of(env.getRequiredProperty("steward.data-dir")).toAbsolutePath();
        }

        Path keys() {
            return dataDir().resolve("keys");
        }

        @Test
        void theEmbeddedDefaultPutsTheDatabaseUnderDbAndTheKeysUnderKeys() throws Exception {
            var yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"));
            Object url = yaml.get(0).getProperty("spring.datasource.url");
            assertThat(String.valueOf(url)).startsWith("jdbc:h2:file:${steward.data-dir}/db/");
        }

        @Test
        void aBackupOfTheDatabaseCarriesNeitherTheMasterKeyNorItsPassphrase() throws Exception {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String subject = Fixtures.unique("layout");
            assertThat(api.post(token, "/api/v1/subjects/" + subject + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("a", 1))).status()).isEqualTo(201);
            assertThat(api.delete(token, "/api/v1/subjects/" + subject).status()).isEqualTo(200);

            Path keyFile = keys().resolve("master.keyset");
            Path passphraseFile = keys().resolve("master.passphrase");
            Path journal = keys().resolve("erasures.journal");
            assertThat(keyFile).isRegularFile();
            assertThat(passphraseFile).isRegularFile();
            assertThat(journal).as("the erasure journal lives with the keys").isRegularFile();
            assertThat(Files.size(journal)).isPositive();
            String passphrase = Files.readString(passphraseFile).strip();
            byte[] keyset = Files.readAllBytes(keyFile);
            assertThat(passphrase).hasSizeGreaterThan(20);
            assertThat(keyset.length).isGreaterThan(64);
            String keysetSlice = new String(keyset, keyset.length / 2 - 24, 48, StandardCharsets.ISO_8859_1);

            boolean control = false;
            for (byte[] image : databaseBackup()) {
                String text = new String(image, StandardCharsets.ISO_8859_1);
                control |= text.contains(tenant.slug());
                assertThat(text).as("the database backup").doesNotContain(passphrase).doesNotContain(keysetSlice);
            }
            assertThat(control).as("positive control: the backup scan sees what the database holds in clear").isTrue();
        }
    }
}
