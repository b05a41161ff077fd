package dev.steward.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.keys.ErasureReceipt.ErasureKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The key hierarchy and envelope encryption on real H2 and real PostgreSQL. */
class KeyHierarchyIntegrationTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void personalDataRoundTripsAndNoTableHoldsItInClear(TestDatabase.Kind kind) throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            SubjectRef alice = f.keys.subjectRef(tenant, "customer-42");
            RecordBinding binding = new RecordBinding(tenant, alice, "record-1", "records.payload");

            byte[] ciphertext = f.encrypt(binding, "Alice Example, 1 Main Street");

            assertThat(f.decrypt(binding, ciphertext)).isEqualTo("Alice Example, 1 Main Street");
            assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("Alice");
            assertThat(alice.hmac()).doesNotContain("customer-42");
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ?", tenant.value()))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void subjectRefsAreStableWithinATenantAndDifferAcrossTenants(TestDatabase.Kind kind) {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId a = f.newTenant();
            TenantId b = f.newTenant();
            SubjectRef inA = f.keys.subjectRef(a, "customer-42");

            f.restart();

            assertThat(f.keys.subjectRef(a, "customer-42")).isEqualTo(inA);
            assertThat(f.keys.subjectRef(b, "customer-42")).isNotEqualTo(inA);
            assertThat(f.keys.subjectRef(a, "customer-43")).isNotEqualTo(inA);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void actorRefsLiveInANamespaceNoSubjectIdentifierReaches(TestDatabase.Kind kind) {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId a = f.newTenant();
            SubjectRef actor = f.keys.actorRef(a, "actor:anonymous");

            assertThat(f.keys.subjectRef(a, "actor:anonymous")).isNotEqualTo(actor);
            assertThat(f.keys.actorRef(a, "actor:anonymous")).isEqualTo(actor);
            assertThat(f.keys.actorRef(f.newTenant(), "actor:anonymous")).isNotEqualTo(actor);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void ciphertextMovedToAnotherRecordSubjectOrTenantIsAnIntegrityViolation(TestDatabase.Kind kind)
            throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            TenantId other = f.newTenant();
            SubjectRef alice = f.keys.subjectRef(tenant, "alice");
            SubjectRef bob = f.keys.subjectRef(tenant, "bob");
            RecordBinding binding = new RecordBinding(tenant, alice, "r1", "records.payload");
            byte[] ciphertext = f.encrypt(binding, "secret");
            f.encrypt(new RecordBinding(tenant, bob, "r9", "records.payload"), "bob's");

            List<RecordBinding> moved = List.of(
                    new RecordBinding(tenant, alice, "r2", "records.payload"),
                    new RecordBinding(tenant, alice, "r1", "ledger.entry"),
                    new RecordBinding(tenant, bob, "r1", "records.payload"),
                    new RecordBinding(other, alice, "r1", "records.payload"));
            for (RecordBinding wrong : moved) {
                assertThatThrownBy(() -> f.decrypt(wrong, ciphertext))
                        .isInstanceOf(CiphertextIntegrityViolation.class)
                        .satisfies(e -> assertThat(((CiphertextIntegrityViolation) e).recordId())
                                .isEqualTo(wrong.recordId()))
                        .hasMessageNotContaining("secret");
            }
            assertThat(f.integrityEvents).extracting(IntegrityEvent::tenant)
                    .containsExactly(tenant, tenant, tenant, other);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dataKeyIsCreatedInTheCallersTransactionWhichItNeverCommitsOrCloses(TestDatabase.Kind kind)
            throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            SubjectRef alice = f.keys.subjectRef(tenant, "alice");
            RecordBinding binding = new RecordBinding(tenant, alice, "r1", "records.payload");

            try (Connection c = f.db.connect()) {
                c.setAutoCommit(false);
                GuardedConnection caller = new GuardedConnection(c);
                f.encryptor.encrypt(caller.connection, binding, PersonalData.ofText("rolled back"));
                assertThat(f.keys.hasDataKey(caller.connection, tenant, alice)).isTrue();
                c.rollback();
            }
            assertThat(f.hasDataKey(tenant, alice)).isFalse();

            byte[] kept;
            try (Connection c = f.db.connect()) {
                c.setAutoCommit(false);
                kept = f.encryptor.encrypt(new GuardedConnection(c).connection, binding, PersonalData.ofText("kept"));
                c.commit();
            }
            assertThat(f.decrypt(binding, kept)).isEqualTo("kept");
            f.restart();
            assertThat(f.decrypt(binding, kept)).as("the committed key, not one cached from the rolled-back "
                    + "transaction, encrypted it").isEqualTo("kept");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBatchFetchesOrCreatesEverySubjectsKeyAtOnceAndRefusesTheErased(TestDatabase.Kind kind)
            throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            SubjectRef known = f.keys.subjectRef(tenant, "known");
            SubjectRef erased = f.keys.subjectRef(tenant, "erased");
            RecordBinding earlier = new RecordBinding(tenant, known, "r0", "records.payload");
            byte[] before = f.encrypt(earlier, "stored before");
            f.encrypt(new RecordBinding(tenant, erased, "r9", "records.payload"), "gone soon");
            f.keys.destroySubjectKey(tenant, erased);
            List<SubjectRef> fresh = new ArrayList<>();
            for (int i = 0; i < 700; i++) { // more than one IN list
                fresh.add(f.keys.subjectRef(tenant, "new-" + i));
            }
            List<SubjectRef> asked = new ArrayList<>(fresh);
            asked.add(known);
            asked.add(erased);
            asked.add(fresh.get(0));

            try (Connection c = f.db.connect()) {
                c.setAutoCommit(false);
                EnvelopeEncryptor.Batch batch = f.encryptor.batch(new GuardedConnection(c).connection, tenant, asked);
                batch.encrypt(new RecordBinding(tenant, fresh.get(1), "r1", "records.payload"),
                        PersonalData.ofText("rolled back"));
                c.rollback();
            }
            // The new keys were committed on their own, before the caller's transaction rolled back:
            // the next batch finds and uses them (and creates no second key for a subject).
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ?", tenant.value()))
                    .isEqualTo(fresh.size() + 1);

            List<byte[]> kept = new ArrayList<>();
            try (Connection c = f.db.connect()) {
                c.setAutoCommit(false);
                EnvelopeEncryptor.Batch batch = f.encryptor.batch(new GuardedConnection(c).connection, tenant, asked);
                for (int i = 0; i < fresh.size(); i++) {
                    kept.add(batch.encrypt(new RecordBinding(tenant, fresh.get(i), "r" + i, "records.payload"),
                            PersonalData.ofText("kept " + i)));
                }
                byte[] again = batch.encrypt(new RecordBinding(tenant, known, "r-known", "records.payload"),
                        PersonalData.ofText("known again"));
                assertThatThrownBy(() -> batch.encrypt(new RecordBinding(tenant, erased, "r10", "records.payload"),
                        PersonalData.ofText("x"))).isInstanceOf(SubjectErased.class);
                SubjectRef stranger = f.keys.subjectRef(tenant, "not-prepared");
                assertThatThrownBy(() -> batch.encrypt(new RecordBinding(tenant, stranger, "r11", "records.payload"),
                        PersonalData.ofText("x"))).isInstanceOf(IllegalArgumentException.class);
                c.commit();
                f.restart();
                assertThat(f.decrypt(new RecordBinding(tenant, known, "r-known", "records.payload"), again))
                        .isEqualTo("known again");
            }
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ?", tenant.value()))
                    .as("one key per new subject, none for the erased one").isEqualTo(fresh.size() + 1);
            for (int i = 0; i < fresh.size(); i += 99) {
                assertThat(f.decrypt(new RecordBinding(tenant, fresh.get(i), "r" + i, "records.payload"), kept.get(i)))
                        .as("the committed key encrypted it").isEqualTo("kept " + i);
            }
            assertThat(f.decrypt(earlier, before)).isEqualTo("stored before");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentBatchesMeetingTheSameNewSubjectsCreateOneKeyEach(TestDatabase.Kind kind) throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            List<SubjectRef> subjects = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                subjects.add(f.keys.subjectRef(tenant, "shared-" + i));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<List<byte[]>>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    List<SubjectRef> mine = new ArrayList<>(subjects);
                    java.util.Collections.shuffle(mine, new java.util.Random(t));
                    int run = t;
                    runs.add(pool.submit(() -> {
                        try (Connection c = f.db.connect()) {
                            c.setAutoCommit(false);
                            EnvelopeEncryptor.Batch batch = f.encryptor.batch(c, tenant, mine);
                            List<byte[]> out = new ArrayList<>();
                            for (SubjectRef s : subjects) {
                                out.add(batch.encrypt(new RecordBinding(tenant, s, "run" + run, "records.payload"),
                                        PersonalData.ofText(s.hmac() + " " + run)));
                            }
                            c.commit();
                            return out;
                        }
                    }));
                }
                for (int t = 0; t < 4; t++) {
                    List<byte[]> written = runs.get(t).get();
                    for (int i = 0; i < subjects.size(); i += 50) {
                        SubjectRef s = subjects.get(i);
                        assertThat(f.decrypt(new RecordBinding(tenant, s, "run" + t, "records.payload"), written.get(i)))
                                .isEqualTo(s.hmac() + " " + t);
                    }
                }
            } finally {
                pool.shutdown();
            }
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ?", tenant.value()))
                    .isEqualTo(subjects.size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void destroyedSubjectIsUnreadableWhileOthersStayReadable(TestDatabase.Kind kind) throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            SubjectRef alice = f.keys.subjectRef(tenant, "alice");
            SubjectRef bob = f.keys.subjectRef(tenant, "bob");
            RecordBinding aliceRecord = new RecordBinding(tenant, alice, "r1", "records.payload");
            RecordBinding bobRecord = new RecordBinding(tenant, bob, "r2", "records.payload");
            byte[] aliceData = f.encrypt(aliceRecord, "alice's");
            byte[] bobData = f.encrypt(bobRecord, "bob's");

            ErasureReceipt receipt = f.keys.destroySubjectKey(tenant, alice);

            assertThat(receipt.kind()).isEqualTo(ErasureKind.SUBJECT);
            assertThat(receipt.subject()).isEqualTo(alice);
            assertThat(receipt.erasedAt()).isEqualTo(Fixture.CLOCK.instant());
            assertThat(receipt.journalHash()).isEqualTo(f.journal.headHash());
            assertThat(Files.readString(f.journalFile)).contains(receipt.id().toString(), alice.hmac());
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_erasure WHERE tenant_id = ? AND receipt_id = ?",
                    tenant.value(), receipt.id())).isEqualTo(1);
            assertThat(f.hasDataKey(tenant, alice)).isFalse();
            assertThatThrownBy(() -> f.decrypt(aliceRecord, aliceData)).isInstanceOf(SubjectErased.class);
            assertThatThrownBy(() -> f.encrypt(aliceRecord, "again")).isInstanceOf(SubjectErased.class);
            assertThat(f.decrypt(bobRecord, bobData)).isEqualTo("bob's");
            assertThat(f.keys.destroySubjectKey(tenant, alice)).isEqualTo(receipt);

            f.restart();
            assertThatThrownBy(() -> f.decrypt(aliceRecord, aliceData)).isInstanceOf(SubjectErased.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void destroyingASubjectKeyCostsTheSameWhateverTheAmountOfData(TestDatabase.Kind kind) throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            SubjectRef few = f.keys.subjectRef(tenant, "few");
            SubjectRef many = f.keys.subjectRef(tenant, "many");
            f.encrypt(new RecordBinding(tenant, few, "only", "records.payload"), "x");
            List<byte[]> manyData = new ArrayList<>();
            try (Connection c = f.db.connect()) {
                for (int i = 0; i < 1_000; i++) {
                    manyData.add(f.encryptor.encrypt(c, new RecordBinding(tenant, many, "r" + i, "records.payload"),
                            PersonalData.ofText("record " + i)));
                }
            }

            int statementsForFew;
            int statementsForMany;
            try (Connection c = f.db.connect()) {
                GuardedConnection guarded = new GuardedConnection(c);
                f.keys.destroySubjectKey(guarded.connection, tenant, few);
                statementsForFew = guarded.statements.get();
            }
            try (Connection c = f.db.connect()) {
                GuardedConnection guarded = new GuardedConnection(c);
                f.keys.destroySubjectKey(guarded.connection, tenant, many);
                statementsForMany = guarded.statements.get();
            }

            assertThat(statementsForMany).isEqualTo(statementsForFew);
            for (int i = 0; i < manyData.size(); i += 97) {
                RecordBinding b = new RecordBinding(tenant, many, "r" + i, "records.payload");
                byte[] data = manyData.get(i);
                assertThatThrownBy(() -> f.decrypt(b, data)).isInstanceOf(SubjectErased.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void erasedSubjectStaysUnreadableAfterRestore(TestDatabase.Kind kind) throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            SubjectRef alice = f.keys.subjectRef(tenant, "alice");
            SubjectRef bob = f.keys.subjectRef(tenant, "bob");
            RecordBinding aliceRecord = new RecordBinding(tenant, alice, "r1", "records.payload");
            RecordBinding bobRecord = new RecordBinding(tenant, bob, "r2", "records.payload");
            byte[] aliceData = f.encrypt(aliceRecord, "alice's");
            byte[] bobData = f.encrypt(bobRecord, "bob's");
            f.db.backup();

            f.keys.destroySubjectKey(tenant, alice);
            f.journal.close();
            f.db.restore();
            f.start();

            assertThat(f.hasDataKey(tenant, alice)).as("the backup brought the wrapped key back").isTrue();
            assertThatThrownBy(() -> f.decrypt(aliceRecord, aliceData)).isInstanceOf(SubjectErased.class);
            assertThat(f.decrypt(bobRecord, bobData)).isEqualTo("bob's");

            ReplayReport report = f.journal.replay(f.db.dataSource());

            assertThat(report).isEqualTo(new ReplayReport(1, 0, 1));
            assertThat(f.hasDataKey(tenant, alice)).isFalse();
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_erasure WHERE tenant_id = ?", tenant.value()))
                    .isEqualTo(1);
            assertThatThrownBy(() -> f.decrypt(aliceRecord, aliceData)).isInstanceOf(SubjectErased.class);
            assertThat(f.decrypt(bobRecord, bobData)).isEqualTo("bob's");
            assertThat(f.journal.replay(f.db.dataSource())).isEqualTo(new ReplayReport(0, 0, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void erasedTenantStaysUnreadableAfterRestore(TestDatabase.Kind kind) throws Exception {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId tenant = f.newTenant();
            TenantId other = f.newTenant();
            SubjectRef alice = f.keys.subjectRef(tenant, "alice");
            RecordBinding aliceRecord = new RecordBinding(tenant, alice, "r1", "records.payload");
            RecordBinding otherRecord = new RecordBinding(other, f.keys.subjectRef(other, "alice"), "r1", "x");
            byte[] aliceData = f.encrypt(aliceRecord, "alice's");
            byte[] otherData = f.encrypt(otherRecord, "other tenant's");
            f.db.backup();

            ErasureReceipt receipt = f.keys.destroyTenantKeys(tenant);

            assertThat(receipt.kind()).isEqualTo(ErasureKind.TENANT);
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_tenant_kek WHERE tenant_id = ?", tenant.value()))
                    .isZero();
            assertThatThrownBy(() -> f.decrypt(aliceRecord, aliceData)).isInstanceOf(TenantErased.class);
            assertThatThrownBy(() -> f.keys.subjectRef(tenant, "alice")).isInstanceOf(TenantErased.class);
            assertThatThrownBy(() -> f.keys.createTenantKeys(tenant)).isInstanceOf(TenantErased.class);

            f.journal.close();
            f.db.restore();
            f.start();
            assertThatThrownBy(() -> f.decrypt(aliceRecord, aliceData)).isInstanceOf(TenantErased.class);
            assertThat(f.journal.replay(f.db.dataSource())).isEqualTo(new ReplayReport(0, 1, 1));
            assertThat(f.db.count("SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ?", tenant.value()))
                    .isZero();
            assertThat(f.decrypt(otherRecord, otherData)).isEqualTo("other tenant's");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tenantWithoutKeysIsRefused(TestDatabase.Kind kind) {
        try (Fixture f = new Fixture(kind, dir)) {
            TenantId stranger = TenantId.random();
            assertThatThrownBy(() -> f.keys.subjectRef(stranger, "alice")).isInstanceOf(TenantUnknown.class);
        }
    }
}
