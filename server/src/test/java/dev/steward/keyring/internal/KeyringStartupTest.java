package dev.steward.keyring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.SubjectRef;
import dev.steward.keys.TenantId;
import dev.steward.keys.local.LocalMasterKey;

/** The keys wiring at start-up: first start, wrong or missing master key, journal replay. */
class KeyringStartupTest {

    @TempDir
    Path dataDir;

    String url;

    @Configuration(proxyBeanMethods = false)
    static class Infrastructure {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        DataSource dataSource(org.springframework.core.env.Environment env) {
            return new DriverManagerDataSource(env.getRequiredProperty("test.url"), "sa", "");
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }
    }

    @BeforeEach
    void schema() throws Exception {
        url = "jdbc:h2:mem:keys_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String ddl = new String(getClass().getResourceAsStream("/db/keys/V200__keys.sql").readAllBytes());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    c.createStatement().execute(statement);
                }
            }
        }
    }

    ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Infrastructure.class, KeyringConfiguration.class)
                .withPropertyValues("test.url=" + url, "steward.data-dir=" + dataDir)
                .withPropertyValues(properties);
    }

    @Test
    void firstStartOnTheEmbeddedDefaultGeneratesAPrivatePassphraseAndLaterStartsReuseIt() throws Exception {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(KeyHierarchy.class).createTenantKeys(TenantId.random());
        });
        Path passphrase = dataDir.resolve("keys/master.passphrase");
        assertThat(passphrase).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase))).isEqualTo("rw-------");
        assertThat(dataDir.resolve("keys/master.keyset")).exists();
        // 256 random bits need no stretching: the key file says so, and still opens only with them.
        assertThat(Files.readString(dataDir.resolve("keys/master.keyset")))
                .contains("iterations=" + LocalMasterKey.MIN_ITERATIONS + "\n");
        runner().run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aPassphraseGivenFromOutsideIsStretched() throws Exception {
        runner("steward.keys.master-passphrase=chosen by a person").run(context -> assertThat(context).hasNotFailed());

        assertThat(Files.readString(dataDir.resolve("keys/master.keyset")))
                .contains("iterations=" + LocalMasterKey.ITERATIONS + "\n");
        assertThat(dataDir.resolve("keys/master.passphrase")).doesNotExist();
    }

    @Test
    void aWrongPassphraseStopsTheStartNamingTheCause() {
        runner("steward.keys.master-passphrase=right one").run(context -> assertThat(context).hasNotFailed());
        runner("steward.keys.master-passphrase=wrong one").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("Steward cannot start").contains("wrong passphrase");
        });
    }

    @Test
    void anExistingMasterKeyStartsOpeningBeforeTheContextAndTheStartUsesThatOpening() {
        runner("steward.keys.master-passphrase=right one").run(context -> assertThat(context).hasNotFailed());
        MasterKeyEarlyOpen.Request right = MasterKeyEarlyOpen.Request.of(dataDir, "right one", true);
        MasterKeyEarlyOpen.Request wrong = MasterKeyEarlyOpen.Request.of(dataDir, "wrong one", true);

        environmentPrepared("right one");
        assertThat(MasterKeyEarlyOpen.started(right)).isTrue();
        runner("steward.keys.master-passphrase=right one").run(context -> assertThat(context).hasNotFailed());
        assertThat(MasterKeyEarlyOpen.take(right)).as("the start took the early opening").isEmpty();

        environmentPrepared("wrong one");
        assertThat(MasterKeyEarlyOpen.started(wrong)).isTrue();
        runner("steward.keys.master-passphrase=wrong one").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("Steward cannot start").contains("wrong passphrase");
        });
        assertThat(MasterKeyEarlyOpen.take(wrong)).isEmpty();
    }

    private void environmentPrepared(String passphrase) {
        org.springframework.core.env.StandardEnvironment env = new org.springframework.core.env.StandardEnvironment();
        env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
                Map.of("steward.data-dir", dataDir.toString(), "steward.keys.master-passphrase", passphrase)));
        new MasterKeyEarlyOpen().onApplicationEvent(new org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent(
                new org.springframework.boot.bootstrap.DefaultBootstrapContext(), new org.springframework.boot.SpringApplication(),
                new String[0], env));
    }

    @Test
    void aMissingMasterKeyStopsTheStartInsteadOfCreatingANewOne() throws Exception {
        runner("steward.keys.master-passphrase=pass").run(context ->
                context.getBean(KeyHierarchy.class).createTenantKeys(TenantId.random()));
        Files.delete(dataDir.resolve("keys/master.keyset"));
        runner("steward.keys.master-passphrase=pass").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("master key file").contains("is missing");
        });
        assertThat(dataDir.resolve("keys/master.keyset")).doesNotExist();
    }

    @Test
    void noPassphraseForAnExistingKeyStopsTheStart() throws Exception {
        runner("steward.keys.master-passphrase=pass").run(context -> assertThat(context).hasNotFailed());
        runner("steward.keys.generate-passphrase=false").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("STEWARD_MASTER_PASSPHRASE");
        });
    }

    @Test
    void anotherMasterKeyThatOpensButDidNotWrapTheKeysStopsTheStart() throws Exception {
        runner("steward.keys.master-passphrase=pass").run(context ->
                context.getBean(KeyHierarchy.class).createTenantKeys(TenantId.random()));
        Path other = dataDir.resolve("other/master.keyset");
        LocalMasterKey.openOrCreate(other, "pass".toCharArray());
        Files.copy(other, dataDir.resolve("keys/master.keyset"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        runner("steward.keys.master-passphrase=pass").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("does not open the keys");
        });
    }

    @Test
    void everyStartReplaysTheErasureJournalSoARestoredKeyIsDestroyedAgain() {
        TenantId tenant = TenantId.random();
        Map<String, Object>[] backup = new Map[1];
        SubjectRef[] subject = new SubjectRef[1];
        runner("steward.keys.master-passphrase=pass").run(context -> {
            KeyHierarchy keys = context.getBean(KeyHierarchy.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            keys.createTenantKeys(tenant);
            subject[0] = keys.subjectRef(tenant, "crm-1");
            var encryptor = context.getBean(dev.steward.keys.EnvelopeEncryptor.class);
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                encryptor.encrypt(c, new dev.steward.keys.RecordBinding(tenant, subject[0], "r#v1", "records.payload"),
                        dev.steward.keys.PersonalData.ofText("x"));
            }
            backup[0] = jdbc.sql("SELECT * FROM keys_data_key").query().singleRow();
            keys.destroySubjectKey(tenant, subject[0]);
            // a backup taken before the erasure is restored:
            jdbc.sql("INSERT INTO keys_data_key (tenant_id, subject_ref, kek_version, wrapped_key, created_at)"
                    + " VALUES (?,?,?,?,?)").params(backup[0].get("TENANT_ID"), backup[0].get("SUBJECT_REF"),
                            backup[0].get("KEK_VERSION"), backup[0].get("WRAPPED_KEY"), backup[0].get("CREATED_AT"))
                    .update();
        });
        runner("steward.keys.master-passphrase=pass").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM keys_data_key").query(Long.class)
                    .single()).isZero();
        });
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
