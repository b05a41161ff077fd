package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantState;

/**
 * STOR-3: a tenant whose contract is no longer active processes nothing. Every write and every
 * purpose-bound read of records, through the API and through the services the console uses, for
 * each state after ACTIVE.
 */
class TenantStateGuardIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        static final String NOT_ACTIVE = "urn:steward:problem:tenant-not-active";
        static final Purpose CONTRACT = new Purpose("contract");

        @Autowired
        JdbcClient jdbc;
        @Autowired
        RecordStore store;
        @Autowired
        RecordTransfer transfer;
        @Autowired
        SubjectErasure erasure;

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        /** A tenant with two subjects' records stored while ACTIVE, then moved through {@code states}. */
        record Setup(Tenant tenant, String token, String subject, String other, String recordId) {
        }

        Setup tenantWithRecords(TenantState... states) {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String subject = Fixtures.unique("s");
            String other = Fixtures.unique("o");
            Response created = api.post(token, "/api/v1/subjects/" + subject + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("email", "ana@example.com")));
            assertThat(created.status()).isEqualTo(201);
            api.post(token, "/api/v1/subjects/" + other + "/records", Map.of("category", "contact", "purpose", "contract",
                    "document", Map.of("email", "bor@example.com")));
            String op = fixtures.operatorToken();
            for (TenantState state : states) {
                assertThat(api.patch(op, "/api/v1/tenants/" + tenant.id(), Map.of("state", state.name())).status())
                        .isEqualTo(200);
            }
            return new Setup(tenant, token, subject, other, created.json().get("id").asString());
        }

        static void refused(Response r, TenantState state) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().get("type").asString()).isEqualTo(NOT_ACTIVE);
            assertThat(r.json().get("tenantState").asString()).isEqualTo(state.name());
        }

        String snapshot(UUID tenant) {
            return TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql("SELECT record_id, version, category,"
                    + " purpose FROM records WHERE tenant_id = ? ORDER BY record_id").param(tenant).query().listOfRows()
                    .toString() + count("SELECT COUNT(*) FROM record_versions WHERE tenant_id = ?", tenant)
                    + jdbc.sql("SELECT category FROM record_categories WHERE tenant_id = ? ORDER BY category")
                            .param(tenant).query(String.class).list());
        }

        @Test
        void aTerminatingTenantRefusesEveryWriteAndReadThroughTheApiButTheCustomersFinalExport() {
            Setup s = tenantWithRecords(TenantState.TERMINATING);
            UUID t = s.tenant().id();
            String before = snapshot(t);
            String record = "/api/v1/records/" + s.recordId();
            String subject = "/api/v1/subjects/" + s.subject();
            TenantState state = TenantState.TERMINATING;

            refused(api.post(s.token(), subject + "/records", Map.of("category", "contact", "purpose", "contract",
                    "document", Map.of("email", "new@example.com"))), state);
            refused(api.get(s.token(), record + "?purpose=contract"), state);
            refused(api.get(s.token(), subject + "/records?purpose=contract"), state);
            refused(api.get(s.token(), "/api/v1/records?category=contact&purpose=contract"), state);
            refused(api.get(s.token(), record + "/versions?purpose=contract"), state);
            refused(api.send(s.token(), "PUT", record, Map.of("document", Map.of("email", "x@example.com")), Map.of()),
                    state);
            refused(api.delete(s.token(), record), state);
            refused(api.send(s.token(), "PUT", "/api/v1/record-categories", Map.of("categories", List.of("contact")),
                    Map.of()), state);
            refused(api.sendRaw(s.token(), "POST", "/api/v1/records:import?purpose=contract",
                    "{\"subjectId\":\"z\",\"category\":\"contact\",\"document\":{\"a\":1}}\n", "application/x-ndjson",
                    Map.of()), state);
            assertThat(snapshot(t)).as("a refusal changes nothing").isEqualTo(before);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'record.create'"
                    + " AND outcome = 'refused' AND object_ref LIKE 'guard:tenant-state%'", t))
                    .as("the refusal is in the system log, naming the guard").isEqualTo(1);

            Response export = api.get(s.token(), subject + "/records:export?purpose=contract");
            assertThat(export.status()).as("the customer's final export of a subject").isEqualTo(200);
            assertThat(export.body()).contains("ana@example.com");
            Response all = api.get(s.token(), "/api/v1/records:export?category=contact&purpose=contract");
            assertThat(all.status()).as("the customer's final export of a category").isEqualTo(200);
            assertThat(all.body().lines().toList()).hasSize(2);

            Response erased = api.delete(s.token(), "/api/v1/subjects/" + s.other());
            assertThat(erased.status()).as("a subject's erasure destroys data, it processes none").isEqualTo(200);
        }

        @Test
        void aTerminatedTenantRefusesEveryWriteAndReadButErasure() {
            Setup s = tenantWithRecords(TenantState.TERMINATED);
            Caller admin = new Caller(s.tenant().id(), UUID.randomUUID(), "admin", Role.CUSTOMER_ADMIN, Caller.Kind.ACCOUNT);
            String before = snapshot(s.tenant().id());
            everyReadAndWriteIsRefused(admin, s, TenantState.TERMINATED);
            assertThat(snapshot(s.tenant().id())).isEqualTo(before);
            var receipt = erasure.erase(admin, s.other());
            assertThat(erasure.erase(admin, s.other()))
                    .as("the erasure happened: asking again answers the same receipt").isEqualTo(receipt);
        }

        @Test
        void aDeletedTenantRefusesEverything() {
            Setup s = tenantWithRecords(TenantState.TERMINATED, TenantState.DELETED);
            Caller admin = new Caller(s.tenant().id(), UUID.randomUUID(), "admin", Role.CUSTOMER_ADMIN, Caller.Kind.ACCOUNT);
            everyReadAndWriteIsRefused(admin, s, TenantState.DELETED);
            refusedWith(TenantState.DELETED, () -> erasure.erase(admin, s.other()));
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND outcome = 'refused'"
                    + " AND object_ref = ?", DataScope.PROVIDER_TENANT,
                    "guard:tenant-state state=DELETED tenant=" + s.tenant().id()))
                    .as("a deleted tenant's refusals are in the provider's log").isEqualTo(12);
        }

        @Test
        void anApiTokenVerifiedBeforeTheContractEndedStillMeetsTheGuard() {
            Setup s = tenantWithRecords(TenantState.TERMINATED);
            Response r = api.get(s.token(), "/api/v1/records/" + s.recordId() + "?purpose=contract");
            // The token is refused (401) once its tenant is looked up again; until then, from the
            // token cache, the guard refuses the access.
            if (r.status() != 401) {
                refused(r, TenantState.TERMINATED);
            }
        }

        /** The services the API and the console both call, so the console cannot get past the guard either. */
        void everyReadAndWriteIsRefused(Caller admin, Setup s, TenantState state) {
            UUID record = UUID.fromString(s.recordId());
            Consumer<RevealedRecord> sink = r -> {
                throw new AssertionError("revealed " + r.info().id());
            };
            List<ThrowingCallable> calls = new ArrayList<>(List.of(
                    () -> store.create(admin, s.subject(), new NewRecord(null, "contact", RecordSource.CUSTOMER,
                            CONTRACT, "{\"a\":1}".getBytes(StandardCharsets.UTF_8))),
                    () -> store.read(admin, record, CONTRACT),
                    () -> store.ofSubject(admin, s.subject(), CONTRACT, PageRequest.of(0, 10)),
                    () -> store.ofCategory(admin, "contact", null, null, CONTRACT, PageRequest.of(0, 10)),
                    () -> store.history(admin, record, CONTRACT),
                    () -> store.correct(admin, record, new RecordCorrection(null, null,
                            "{\"a\":2}".getBytes(StandardCharsets.UTF_8), null)),
                    () -> store.delete(admin, record),
                    () -> store.replaceCategories(admin, List.of("contact")),
                    () -> transfer.importNdjson(admin, new ByteArrayInputStream(
                            "{\"subjectId\":\"z\",\"category\":\"contact\",\"document\":{\"a\":1}}\n"
                                    .getBytes(StandardCharsets.UTF_8)), CONTRACT),
                    () -> transfer.exportSubject(admin, s.subject(), CONTRACT, sink),
                    () -> transfer.exportCategory(admin, "contact", CONTRACT, sink)));
            for (ThrowingCallable call : calls) {
                refusedWith(state, call);
            }
        }

        static void refusedWith(TenantState state, ThrowingCallable call) {
            assertThatThrownBy(call).isInstanceOfSatisfying(TenantNotActive.class,
                    e -> assertThat(e.state()).isEqualTo(state));
        }
    }
}
