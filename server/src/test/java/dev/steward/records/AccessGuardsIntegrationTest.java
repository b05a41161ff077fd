package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.records.internal.AccessGuardChain;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The access guard chain (issue 9): each guard refuses with its own problem type, the refusal is in
 * the tenant's system log naming the guard, nothing is read or changed; a subject's restriction and
 * objection hold from the very next request; legal holds keep records from deletion and make an
 * erasure partial, saying what was kept and why.
 */
class AccessGuardsIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        static final String PROBLEM = "urn:steward:problem:";

        @Autowired
        JdbcClient jdbc;
        @Autowired
        AccessGuardChain chain;

        record Subject(Tenant tenant, String token, String id, List<String> records) {

            String path() {
                return "/api/v1/subjects/" + id;
            }
        }

        Subject subjectWithRecords(int n) {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            return subjectWithRecords(tenant, token, n);
        }

        Subject subjectWithRecords(Tenant tenant, String token, int n) {
            String id = Fixtures.unique("s");
            List<String> records = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                Response r = api.post(token, "/api/v1/subjects/" + id + "/records", Map.of("category", "contact",
                        "purpose", "contract", "document", Map.of("email", "ana" + i + "@example.com")));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                records.add(r.json().get("id").asString());
            }
            return new Subject(tenant, token, id, records);
        }

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        long refusalsLogged(UUID tenant, String guard) {
            return count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND outcome = 'refused'"
                    + " AND object_ref LIKE ?", tenant, "guard:" + guard + "%");
        }

        long accesses(UUID tenant) {
            return count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ?", tenant);
        }

        static void refused(Response r, int status, String type) {
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.json().get("type").asString()).isEqualTo(PROBLEM + type);
        }

        Response read(Subject s, int record, String purpose) {
            return api.get(s.token(), "/api/v1/records/" + s.records().get(record) + "?purpose=" + purpose);
        }

        Response flags(Subject s, Map<String, Object> change) {
            return api.patch(s.token(), s.path() + "/processing-flags", change);
        }

        @Test
        void theGuardsJudgeInTheirDeclaredOrderWithTheResidencyGuardContributedByItsOwnFeature() {
            assertThat(chain.names()).containsExactly("tenant-state", "purpose", "residency", "subject-flags",
                    "legal-hold");
        }

        @Test
        void aPurposeNotAllowedIsRefusedByThePurposeGuardAndAMalformedOneIsBadInputNamingTheField() {
            Subject s = subjectWithRecords(1);
            long before = accesses(s.tenant().id());

            Response curiosity = read(s, 0, "curiosity");
            refused(curiosity, 400, "purpose-not-allowed");
            assertThat(curiosity.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
            assertThat(refusalsLogged(s.tenant().id(), "purpose")).as("logged naming the guard").isEqualTo(1);

            Response malformed = read(s, 0, "Not%20A%20Purpose");
            refused(malformed, 400, "invalid-field");
            assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
            Response malformedWrite = api.post(s.token(), s.path() + "/records", Map.of("category", "contact",
                    "purpose", "x".repeat(65), "document", Map.of("a", 1)));
            refused(malformedWrite, 400, "invalid-field");
            assertThat(accesses(s.tenant().id())).as("nothing was read or written").isEqualTo(before);
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", s.tenant().id())).isEqualTo(1);
        }

        @Test
        void restrictionTakesEffectOnTheVeryNextRequestAndLeavesOnlyStorageAndLegalClaims() {
            Subject s = subjectWithRecords(2);
            Subject other = subjectWithRecords(s.tenant(), s.token(), 1);
            assertThat(read(s, 0, "contract").status()).isEqualTo(200);

            Response set = flags(s, Map.of("restricted", true));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().get("restricted").asBoolean()).isTrue();
            assertThat(set.json().get("restrictedSince").asString()).isNotBlank();

            long before = accesses(s.tenant().id());
            refused(read(s, 0, "contract"), 403, "processing-restricted");
            refused(api.get(s.token(), s.path() + "/records?purpose=support"), 403, "processing-restricted");
            refused(api.get(s.token(), s.path() + "/records:export?purpose=contract"), 403, "processing-restricted");
            refused(api.get(s.token(), "/api/v1/records/" + s.records().get(1) + "/versions?purpose=security"), 403,
                    "processing-restricted");
            assertThat(accesses(s.tenant().id())).as("nothing was revealed").isEqualTo(before);
            assertThat(refusalsLogged(s.tenant().id(), "subject-flags restricted")).isEqualTo(4);

            assertThat(read(s, 0, "storage").status()).as("storage is what a restriction allows").isEqualTo(200);
            assertThat(read(s, 1, "legal-claims").status()).as("and legal claims").isEqualTo(200);
            Response corrected = api.send(s.token(), "PUT", "/api/v1/records/" + s.records().get(0),
                    Map.of("document", Map.of("email", "fixed@example.com")), Map.of());
            assertThat(corrected.status()).as("a correction still passes: " + corrected.body()).isEqualTo(200);

            Response category = api.get(s.token(), "/api/v1/records?category=contact&purpose=contract");
            assertThat(category.status()).isEqualTo(200);
            assertThat(category.body()).as("the category read leaves the restricted subject out")
                    .contains(other.records().get(0)).doesNotContain(s.records().get(0))
                    .doesNotContain(s.records().get(1));
            Response export = api.get(s.token(), "/api/v1/records:export?category=contact&purpose=contract");
            assertThat(export.body().lines().toList()).hasSize(1);
            assertThat(export.body()).contains(other.records().get(0));

            assertThat(flags(s, Map.of("restricted", false)).json().get("restricted").asBoolean()).isFalse();
            assertThat(read(s, 0, "contract").status()).as("lifted on the very next request").isEqualTo(200);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action IN"
                    + " ('record.subject.restriction.set', 'record.subject.restriction.cleared')", s.tenant().id()))
                    .as("setting and clearing are in the system log").isEqualTo(2);
        }

        @Test
        void anObjectionRefusesEveryLegitimateInterestPurposeAndNoOther() {
            Subject s = subjectWithRecords(1);
            assertThat(flags(s, Map.of("objected", true)).status()).isEqualTo(200);

            refused(read(s, 0, "marketing"), 403, "processing-objected");
            long stored = count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", s.tenant().id());
            refused(api.post(s.token(), s.path() + "/records", Map.of("category", "contact", "purpose",
                    "service-analytics", "document", Map.of("visits", 3))), 403, "processing-objected");
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", s.tenant().id())).isEqualTo(stored);
            assertThat(refusalsLogged(s.tenant().id(), "subject-flags objected")).isEqualTo(2);

            assertThat(read(s, 0, "contract").status()).as("the contract does not rest on a legitimate interest")
                    .isEqualTo(200);
            Response state = api.get(s.token(), s.path() + "/processing-flags");
            assertThat(state.json().get("objected").asBoolean()).isTrue();
            assertThat(state.json().get("restricted").asBoolean()).isFalse();
        }

        @Test
        void aLegalHoldKeepsItsRecordFromDeletionAndErasureIsPartialSayingWhatWasKeptAndWhy() {
            Subject s = subjectWithRecords(3);
            String held = s.records().get(0);
            Response hold = api.post(s.token(), s.path() + "/legal-holds",
                    Map.of("reason", "tax audit 2026 (retention under the VAT act)", "recordId", held));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            String holdId = hold.json().get("id").asString();
            assertThat(api.get(s.token(), s.path() + "/legal-holds").body()).contains(holdId);

            Response delete = api.delete(s.token(), "/api/v1/records/" + held);
            refused(delete, 409, "legal-hold");
            assertThat(delete.json().get("reason").asString()).contains("tax audit");
            assertThat(refusalsLogged(s.tenant().id(), "legal-hold hold:" + holdId)).isEqualTo(1);

            Response erased = api.delete(s.token(), s.path());
            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            assertThat(erased.json().get("complete").asBoolean()).isFalse();
            assertThat(erased.json().has("receiptId")).as("no key destroyed, no receipt").isFalse();
            assertThat(erased.json().get("recordsDeleted").asInt()).isEqualTo(2);
            assertThat(erased.json().get("recordsKept").asInt()).isEqualTo(1);
            assertThat(erased.json().get("kept").get(0).get("holdId").asString()).isEqualTo(holdId);
            assertThat(erased.json().get("kept").get(0).get("recordId").asString()).isEqualTo(held);
            assertThat(erased.json().get("kept").get(0).get("reason").asString()).contains("tax audit");
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", s.tenant().id())).isEqualTo(1);
            assertThat(read(s, 0, "legal-claims").status()).as("the held record stays readable").isEqualTo(200);
            assertThat(read(s, 1, "contract").status()).as("the others are gone").isEqualTo(404);

            assertThat(api.delete(s.token(), "/api/v1/legal-holds/" + holdId).status()).isEqualTo(204);
            Response complete = api.delete(s.token(), s.path());
            assertThat(complete.json().get("complete").asBoolean()).as(complete.body()).isTrue();
            assertThat(complete.json().get("receiptId").asString()).isNotBlank();
            refused(read(s, 0, "contract"), 410, "subject-erased");
        }

        @Test
        void aHoldOnTheWholeSubjectKeepsEveryRecordThroughAnErasure() {
            Subject s = subjectWithRecords(2);
            assertThat(api.post(s.token(), s.path() + "/legal-holds", Map.of("reason", "litigation 4 C 12/26"))
                    .status()).isEqualTo(201);
            Response erased = api.delete(s.token(), s.path());
            assertThat(erased.json().get("complete").asBoolean()).isFalse();
            assertThat(erased.json().get("recordsDeleted").asInt()).isZero();
            assertThat(erased.json().get("recordsKept").asInt()).isEqualTo(2);
            assertThat(erased.json().get("kept").get(0).has("recordId")).as("the hold covers every record").isFalse();
            assertThat(read(s, 1, "contract").status()).isEqualTo(200);
            refused(api.delete(s.token(), "/api/v1/records/" + s.records().get(1)), 409, "legal-hold");
        }

        @Test
        void aTenantWhoseContractExcludesThisNodesCountryIsRefusedByTheResidencyGuard() {
            Subject s = subjectWithRecords(1);
            Response moved = api.patch(fixtures.operatorToken(), "/api/v1/tenants/" + s.tenant().id(),
                    Map.of("storageCountries", List.of("DE", "AT")));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);

            Response r = read(s, 0, "contract");
            refused(r, 403, "outside-allowed-countries");
            assertThat(r.json().get("nodeCountry").asString()).isEqualTo("SI");
            refused(api.post(s.token(), s.path() + "/records", Map.of("category", "contact", "purpose", "contract",
                    "document", Map.of("a", 1))), 403, "outside-allowed-countries");
            assertThat(refusalsLogged(s.tenant().id(), "residency node=SI")).isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", s.tenant().id())).isEqualTo(1);

            Response erased = api.delete(s.token(), s.path());
            assertThat(erased.status()).as("data where it must not be can still be erased").isEqualTo(200);
            assertThat(erased.json().get("complete").asBoolean()).isTrue();
        }

        @Test
        void theFirstRefusalEndsTheAccessAndOnlyThatGuardIsLogged() {
            Subject s = subjectWithRecords(1);
            assertThat(flags(s, Map.of("objected", true)).status()).isEqualTo(200);
            assertThat(api.patch(fixtures.operatorToken(), "/api/v1/tenants/" + s.tenant().id(),
                    Map.of("storageCountries", List.of("DE"))).status()).isEqualTo(200);

            refused(read(s, 0, "marketing"), 403, "outside-allowed-countries");
            assertThat(refusalsLogged(s.tenant().id(), "residency")).isEqualTo(1);
            assertThat(refusalsLogged(s.tenant().id(), "subject-flags"))
                    .as("the subject-flags guard judges after residency, so it was not asked").isZero();
        }

        @Test
        void badFlagsAndHoldsNameTheFieldAndChangeNothing() {
            Subject s = subjectWithRecords(1);
            Subject other = subjectWithRecords(s.tenant(), s.token(), 1);
            String before = TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql("SELECT COUNT(*) FROM"
                    + " subject_flags WHERE tenant_id = ?").param(s.tenant().id()).query(Long.class).single() + "/"
                    + jdbc.sql("SELECT COUNT(*) FROM legal_holds WHERE tenant_id = ?").param(s.tenant().id())
                            .query(Long.class).single());

            field(flags(s, Map.of("restricted", "yes")), 400, "restricted");
            field(flags(s, Map.of("paused", true)), 400, "paused");
            field(flags(s, Map.of()), 400, "restricted");
            field(api.post(s.token(), s.path() + "/legal-holds", Map.of("reason", " ")), 400, "reason");
            field(api.post(s.token(), s.path() + "/legal-holds", Map.of("reason", "x".repeat(501))), 400, "reason");
            field(api.post(s.token(), s.path() + "/legal-holds", Map.of("reason", "audit", "recordId", "nope")), 400,
                    "recordId");
            field(api.post(s.token(), s.path() + "/legal-holds", Map.of("reason", "audit", "recordId",
                    other.records().get(0))), 400, "recordId");
            Map<String, Object> unknown = new HashMap<>(Map.of("restricted", true));
            assertThat(api.patch(s.token(), "/api/v1/subjects/" + Fixtures.unique("nobody") + "/processing-flags",
                    unknown).status()).isEqualTo(404);
            assertThat(api.delete(s.token(), "/api/v1/legal-holds/" + UUID.randomUUID()).status()).isEqualTo(404);
            String user = fixtures.token(s.tenant(), Role.CUSTOMER_USER);
            assertThat(api.patch(user, s.path() + "/processing-flags", Map.of("restricted", true)).status())
                    .as("a customer user may not decide a restriction").isEqualTo(403);

            String after = TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql("SELECT COUNT(*) FROM"
                    + " subject_flags WHERE tenant_id = ?").param(s.tenant().id()).query(Long.class).single() + "/"
                    + jdbc.sql("SELECT COUNT(*) FROM legal_holds WHERE tenant_id = ?").param(s.tenant().id())
                            .query(Long.class).single());
            assertThat(after).isEqualTo(before);
        }

        static void field(Response r, int status, String field) {
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }
}
