package dev.steward.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;

class TenantApiIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        JdbcClient jdbc;

        private long tenantRows() {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql("SELECT COUNT(*) FROM tenants").query(Long.class).single());
        }

        private Map<String, Object> tenantBody(String slug) {
            return Map.of("slug", slug, "name", "Acme d.o.o.", "contractStart", "2026-12-01", "contractEnd", "2028-11-30",
                    "fullyManaged", true, "incidentNoticeHours", 48, "storageCountries", List.of("SI", "de"));
        }

        @Test
        void operatorCreatesTenantWithContractAndTheCreationIsRecorded() {
            String op = fixtures.operatorToken();
            String slug = Fixtures.unique("acme");
            Response created = api.post(op, "/api/v1/tenants", tenantBody(slug));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("state").asString()).isEqualTo("ACTIVE");
            assertThat(created.json().get("storageCountries").toString()).isEqualTo("[\"SI\",\"DE\"]");
            String id = created.json().get("id").asString();
            assertThat(created.header("Location")).isEqualTo("/api/v1/tenants/" + id);

            Response fetched = api.get(op, "/api/v1/tenants/" + id);
            assertThat(fetched.json().get("incidentNoticeHours").asInt()).isEqualTo(48);
            assertThat(fetched.json().get("fullyManaged").asBoolean()).isTrue();

            Response changes = api.get(op, "/api/v1/tenants/" + id + "/changes");
            assertThat(changes.json().get(0).get("summary").asString()).startsWith("created: slug=" + slug);
            assertThat(changes.json().get(0).get("actor").asString()).startsWith("token:");

            long rows = tenantRows();
            Response again = api.post(op, "/api/v1/tenants", tenantBody(slug));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("type").asString()).isEqualTo("urn:steward:problem:name-taken");
            assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
            assertThat(again.json().get("detail").asString()).startsWith("slug: ");
            assertThat(tenantRows()).as("the second tenant of that slug is not created").isEqualTo(rows);
        }

        @Test
        void contractChangesAreVersionedAndRecordedWithTheActor() {
            String op = fixtures.operatorToken();
            String id = api.post(op, "/api/v1/tenants", tenantBody(Fixtures.unique("c"))).json().get("id").asString();
            Response changed = api.patch(op, "/api/v1/tenants/" + id,
                    Map.of("state", "TERMINATING", "contractEnd", "2027-06-30", "expectedVersion", 1));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().get("version").asInt()).isEqualTo(2);
            var history = api.get(op, "/api/v1/tenants/" + id + "/changes").json();
            assertThat(history.size()).isEqualTo(2);
            assertThat(history.get(1).get("summary").asString())
                    .contains("state: ACTIVE -> TERMINATING").contains("contractEnd: 2028-11-30 -> 2027-06-30");

            Response stale = api.patch(op, "/api/v1/tenants/" + id, Map.of("name", "Other", "expectedVersion", 1));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("type").asString()).isEqualTo("urn:steward:problem:stale-version");
            assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
            assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);
            assertThat(stale.json().get("detail").asString()).startsWith("version: ");
            assertThat(api.get(op, "/api/v1/tenants/" + id).json().get("name").asString()).isEqualTo("Acme d.o.o.");
        }

        @Test
        void badInputNamesTheFieldAndChangesNothing() {
            String op = fixtures.operatorToken();
            long before = tenantRows();
            record Case(Map<String, Object> body, String field) {
            }
            var base = tenantBody(Fixtures.unique("bad"));
            List<Case> cases = List.of(
                    new Case(with(base, "slug", "Not A Slug"), "slug"),
                    new Case(with(base, "name", ""), "name"),
                    new Case(with(base, "contractEnd", "2020-01-01"), "contractEnd"),
                    new Case(with(base, "incidentNoticeHours", 0), "incidentNoticeHours"),
                    new Case(with(base, "storageCountries", List.of("SI", "XX")), "storageCountries[1]"),
                    new Case(with(base, "contractStart", "31.12.2026"), "contractStart"),
                    new Case(with(base, "incidentNoticeHours", "many"), "incidentNoticeHours"));
            for (Case c : cases) {
                Response r = api.post(op, "/api/v1/tenants", c.body());
                assertThat(r.status()).as(c.field() + " " + r.body()).isEqualTo(400);
                assertThat(r.json().has("errors")).as(c.field() + " " + r.body()).isTrue();
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.json().get("type").asString()).isEqualTo("urn:steward:problem:invalid-field");
                assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c.field());
                assertThat(r.json().get("detail").asString()).startsWith(c.field() + ":");
            }
            Response malformed = api.post(op, "/api/v1/tenants", "{\"slug\": ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("type").asString()).isEqualTo("urn:steward:problem:malformed-body");
            assertThat(tenantRows()).isEqualTo(before);
        }

        @Test
        void illegalStateTransitionIsRefused() {
            String op = fixtures.operatorToken();
            String id = api.post(op, "/api/v1/tenants", tenantBody(Fixtures.unique("s"))).json().get("id").asString();
            Response r = api.patch(op, "/api/v1/tenants/" + id, Map.of("state", "DELETED"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
            assertThat(api.get(op, "/api/v1/tenants/" + id).json().get("state").asString()).isEqualTo("ACTIVE");
        }

        @Test
        void listsArePaged() {
            String op = fixtures.operatorToken();
            fixtures.tenant();
            fixtures.tenant();
            Response page = api.get(op, "/api/v1/tenants?page=0&size=2");
            assertThat(page.json().get("items").size()).isEqualTo(2);
            assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(api.get(op, "/api/v1/tenants?size=1000").status()).isEqualTo(400);
        }

        @Test
        void retriedPostWithIdempotencyKeyActsOnce() {
            String op = fixtures.operatorToken();
            long before = tenantRows();
            var body = tenantBody(Fixtures.unique("idem"));
            var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
            Response first = api.send(op, "POST", "/api/v1/tenants", body, key);
            Response retry = api.send(op, "POST", "/api/v1/tenants", body, key);
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
            assertThat(tenantRows()).isEqualTo(before + 1);

            Response other = api.send(op, "POST", "/api/v1/tenants", tenantBody(Fixtures.unique("x")), key);
            assertThat(other.status()).isEqualTo(422);
            assertThat(tenantRows()).isEqualTo(before + 1);
        }

        @Test
        void customerSeesOnlyItsOwnTenant() {
            Tenant mine = fixtures.tenant();
            String user = fixtures.token(mine, Role.CUSTOMER_USER);
            assertThat(api.get(user, "/api/v1/tenant").json().get("id").asString()).isEqualTo(mine.id().toString());
            assertThat(api.get(user, "/api/v1/tenants").status()).isEqualTo(403);
        }

        private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
            var copy = new java.util.HashMap<>(base);
            copy.put(key, value);
            return copy;
        }
    }
}
