package dev.steward.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.keys.local.LocalMasterKey;
import dev.steward.keys.local.TestMasterKeys;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Online rotation of tenant KEKs and of the master key, on real H2 and real PostgreSQL. */
class KeyRotationIntegrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tenantKekRotatesOnlineWhileReadersKeepReading(TestDatabase.Kind kind) throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            SubjectRef firstRef = f.keys.subjectRef(tenant, "subject-0");
            Map<RecordBinding, byte[]> data = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                RecordBinding b = new RecordBinding(tenant, f.keys.subjectRef(tenant, "subject-" + i), "r", "c");
                data.put(b, f.encrypt(b, "payload " + i));
            }
            KeyRotation rotation = new KeyRotation(f.keys);

            KeyVersion v2 = rotation.rotateTenantKek(tenant);
            assertThat(v2).isEqualTo(new KeyVersion(2));
            RecordBinding newcomer = new RecordBinding(tenant, f.keys.subjectRef(tenant, "newcomer"), "r", "c");
            data.put(newcomer, f.encrypt(newcomer, "payload new"));
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ? AND kek_version = 2",
                    tenant.value())).isEqualTo(1);

            assertThat(rotation.rewrapDataKeys(tenant, 2)).isEqualTo(2);
            f.restart();
            assertAllReadable(f, data);
            assertThatThrownBy(() -> rotation(f).retireTenantKek(tenant, KeyVersion.FIRST))
                    .isInstanceOf(KeyVersionInUse.class).hasMessageContaining("3 data keys");
            assertThatThrownBy(() -> rotation(f).retireTenantKek(tenant, v2)).isInstanceOf(KeyVersionInUse.class);

            assertThat(rotation(f).rotateTenantKekAndRewrap(tenant))
                    .isEqualTo(new RotationReport(tenant, new KeyVersion(3), 6));
            rotation(f).retireTenantKek(tenant, KeyVersion.FIRST);
            rotation(f).retireTenantKek(tenant, v2);
            f.restart();

            assertAllReadable(f, data);
            assertThat(f.keys.subjectRef(tenant, "subject-0")).isEqualTo(firstRef);
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_tenant_kek WHERE tenant_id = ? "
                    + "AND wrapped_kek IS NULL AND retired_at IS NOT NULL", tenant.value())).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void masterKeyRotatesByRewrappingKeksAndRetiresOnlyWhenUnused(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir)) {
            Path keyFile = dir.resolve("master.key");
            char[] passphrase = "correct horse battery staple".toCharArray();
            LocalMasterKey master = TestMasterKeys.create(keyFile, passphrase);
            String v1 = master.currentVersion();
            Map<RecordBinding, byte[]> data = new LinkedHashMap<>();
            try (ErasureJournal journal = ErasureJournal.open(dir.resolve("erasures.log"), Fixture.CLOCK)) {
                KeyHierarchy keys = new KeyHierarchy(db.dataSource(), master, journal, Fixture.CLOCK, 10);
                EnvelopeEncryptor encryptor = new EnvelopeEncryptor(keys, IntegrityEventListener.NONE, Fixture.CLOCK);
                for (int t = 0; t < 3; t++) {
                    TenantId tenant = TenantId.random();
                    keys.createTenantKeys(tenant);
                    RecordBinding b = new RecordBinding(tenant, keys.subjectRef(tenant, "s"), "r", "c");
                    try (var c = db.connect()) {
                        data.put(b, encryptor.encrypt(c, b, PersonalData.ofText("tenant " + t)));
                    }
                }
                KeyRotation rotation = new KeyRotation(keys);

                master.rotate();
                assertThatThrownBy(() -> rotation.retireMasterKeyVersion(v1)).isInstanceOf(KeyVersionInUse.class)
                        .hasMessageContaining("3 key-encryption keys");
                assertThat(rotation.rewrapKeksUnderCurrentMasterKey()).isEqualTo(3);
                String v3 = rotation.rotateMasterKey();
                rotation.retireMasterKeyVersion(v1);
                assertThatThrownBy(() -> rotation.retireMasterKeyVersion(v3)).isInstanceOf(KeyVersionInUse.class);

                assertThat(db.count("SELECT COUNT(*) FROM keys_tenant_kek WHERE master_version = ?", v3))
                        .isEqualTo(3);
            }
            LocalMasterKey reopened = LocalMasterKey.open(keyFile, passphrase);
            assertThat(reopened.toString()).doesNotContain(v1);
            try (ErasureJournal journal = ErasureJournal.open(dir.resolve("erasures.log"), Fixture.CLOCK)) {
                KeyHierarchy keys = new KeyHierarchy(db.dataSource(), reopened, journal, Fixture.CLOCK, 10);
                EnvelopeEncryptor encryptor = new EnvelopeEncryptor(keys, IntegrityEventListener.NONE, Fixture.CLOCK);
                int t = 0;
                for (var e : data.entrySet()) {
                    try (var c = db.connect()) {
                        assertThat(encryptor.decrypt(c, e.getKey(), e.getValue()).revealTextForPurpose("test"))
                                .isEqualTo("tenant " + t++);
                    }
                }
            }
        }
    }

    private static KeyRotation rotation(Fixture f) {
        return new KeyRotation(f.keys);
    }

    private static void assertAllReadable(Fixture f, Map<RecordBinding, byte[]> data) throws Exception {
        for (var e : data.entrySet()) {
            assertThat(f.decrypt(e.getKey(), e.getValue())).startsWith("payload ");
        }
    }
}
