package dev.steward.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Properties of envelope encryption over many seeded random inputs. A failure prints its seed;
 * rerun with {@code -Dkeys.seed=N} to reproduce it.
 */
class EnvelopeEncryptionProperties {

    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    private Fixture f;
    private Connection c;
    private List<TenantId> tenants;
    private long seed;
    private Random random;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(TestDatabase.Kind.H2, dir);
        c = f.db.connect();
        tenants = List.of(f.newTenant(), f.newTenant());
        seed = Long.getLong("keys.seed", System.nanoTime());
        random = new Random(seed);
    }

    @AfterEach
    void tearDown() throws Exception {
        c.close();
        f.close();
    }

    @Test
    void everyPayloadFromEmptyToOneMebibyteRoundTrips() {
        for (int i = 0; i < 120; i++) {
            int size = switch (i) {
                case 0 -> 0;
                case 1 -> MIB;
                default -> random.nextInt(switch (i % 3) {
                    case 0 -> 64;
                    case 1 -> 64 * 1024;
                    default -> MIB + 1;
                });
            };
            byte[] payload = bytes(size);
            RecordBinding binding = randomBinding();

            byte[] ciphertext = f.encryptor.encrypt(c, binding, PersonalData.of(payload));
            byte[] back = f.encryptor.decryptForPurpose(c, binding, ciphertext, "property test");

            assertThat(back).as("seed %d, case %d, %d bytes", seed, i, size).isEqualTo(payload);
            assertThat(ciphertext.length).as("seed %d, case %d", seed, i).isEqualTo(size + 34);
        }
    }

    @Test
    void alteringAnyByteOfACiphertextIsAnIntegrityViolation() {
        int cases = 0;
        for (int n = 0; n < 12; n++) {
            RecordBinding binding = randomBinding();
            byte[] ciphertext = f.encryptor.encrypt(c, binding, PersonalData.of(bytes(random.nextInt(200))));
            for (int i = 0; i < ciphertext.length; i++) {
                byte[] altered = ciphertext.clone();
                altered[i] ^= (byte) (1 + random.nextInt(255));
                assertViolation(binding, altered, "seed %d, payload %d, byte %d".formatted(seed, n, i));
                cases++;
            }
            byte[] truncated = Arrays.copyOf(ciphertext, random.nextInt(ciphertext.length));
            assertViolation(binding, truncated, "seed %d, payload %d, truncated".formatted(seed, n));
            cases++;
        }
        assertThat(f.integrityEvents).hasSize(cases);
    }

    @Test
    void presentingACiphertextWithAnyOtherBindingIsAnIntegrityViolation() {
        for (int n = 0; n < 200; n++) {
            RecordBinding binding = randomBinding();
            byte[] ciphertext = f.encryptor.encrypt(c, binding, PersonalData.of(bytes(random.nextInt(100))));
            RecordBinding other = randomBinding();
            switch (random.nextInt(4)) {
                case 0 -> other = new RecordBinding(other.tenant(), binding.subject(), binding.recordId(),
                        binding.context());
                case 1 -> other = new RecordBinding(binding.tenant(), other.subject(), binding.recordId(),
                        binding.context());
                case 2 -> other = new RecordBinding(binding.tenant(), binding.subject(), other.recordId(),
                        binding.context());
                default -> other = new RecordBinding(binding.tenant(), binding.subject(), binding.recordId(),
                        other.context());
            }
            if (other.equals(binding)) {
                continue;
            }
            assertViolation(other, ciphertext, "seed %d, case %d".formatted(seed, n));
        }
    }

    private void assertViolation(RecordBinding binding, byte[] ciphertext, String description) {
        Throwable thrown = catchThrowable(() -> f.encryptor.decrypt(c, binding, ciphertext));
        assertThat(thrown).as(description).isInstanceOf(CiphertextIntegrityViolation.class);
        IntegrityEvent event = ((CiphertextIntegrityViolation) thrown).event();
        assertThat(event.tenant()).as(description).isEqualTo(binding.tenant());
        assertThat(event.subject()).as(description).isEqualTo(binding.subject());
        assertThat(event.recordId()).as(description).isEqualTo(binding.recordId());
    }

    private RecordBinding randomBinding() {
        TenantId tenant = tenants.get(random.nextInt(tenants.size()));
        SubjectRef subject = f.keys.subjectRef(c, tenant, "subject-" + random.nextInt(3));
        return new RecordBinding(tenant, subject, "record-" + random.nextInt(5),
                random.nextBoolean() ? "records.payload" : "ledger.entry");
    }

    private byte[] bytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }
}
