package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

class RecordApiIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.CITUS)
    @ExtendWith(CitusCondition.class)
    class OnCitus extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        static final String PURPOSE = "?purpose=contract";

        @Autowired
        JdbcClient jdbc;

        /** Data keys of record subjects (the system log also keeps keys, for actors' personal fields). */
        static final String SUBJECT_KEYS = "SELECT COUNT(*) FROM keys_data_key k WHERE k.tenant_id = ? AND k.subject_ref IN "
                + "(SELECT r.subject_ref FROM records r WHERE r.tenant_id = ?)";

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        static String subjects(String subjectId) {
            return "/api/v1/subjects/" + URLEncoder.encode(subjectId, StandardCharsets.UTF_8).replace("+", "%20");
        }

        static Map<String, Object> record(String category, Object document) {
            return Map.of("category", category, "source", "CUSTOMER", "purpose", "contract", "document", document);
        }

        Response create(String token, String subjectId, Object document) {
            return api.post(token, subjects(subjectId) + "/records", record("contact", document));
        }

        @Test
        void customerCreatesReadsCorrectsAndDeletesARecordKeepingItsHistory() {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_USER);
            String subject = Fixtures.unique("crm");

            Response created = create(token, subject, Map.of("email", "ana@example.com"));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(created.header("Location")).isEqualTo("/api/v1/records/" + id);
            assertThat(created.json().get("version").asInt()).isEqualTo(1);
            assertThat(created.json().has("document")).as("a write does not echo the document").isFalse();
            assertThat(created.json().get("subjectRef").asString()).hasSize(64).doesNotContain(subject);

            Response read = api.get(token, "/api/v1/records/" + id + PURPOSE);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("document").get("email").asString()).isEqualTo("ana@example.com");
            assertThat(read.json().get("category").asString()).isEqualTo("contact");

            Response corrected = api.send(token, "PUT", "/api/v1/records/" + id,
                    Map.of("document", Map.of("email", "ana.novak@example.com"), "expectedVersion", 1), Map.of());
            assertThat(corrected.status()).isEqualTo(200);
            assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
            Response stale = api.send(token, "PUT", "/api/v1/records/" + id,
                    Map.of("document", Map.of("email", "x@example.com"), "expectedVersion", 1), Map.of());
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("type").asString()).isEqualTo("urn:steward:problem:stale-version");
            assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("expectedVersion");
            assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);

            JsonNode versions = api.get(token, "/api/v1/records/" + id + "/versions" + PURPOSE).json();
            assertThat(versions.size()).isEqualTo(2);
            assertThat(versions.get(0).get("document").get("email").asString()).isEqualTo("ana@example.com");
            assertThat(versions.get(1).get("document").get("email").asString()).isEqualTo("ana.novak@example.com");

            Response list = api.get(token, subjects(subject) + "/records" + PURPOSE);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().get("total").asInt()).isEqualTo(1);
            assertThat(list.json().get("items").get(0).get("document").get("email").asString())
                    .isEqualTo("ana.novak@example.com");

            Response byCategory = api.get(token, "/api/v1/records?category=contact&purpose=support");
            assertThat(byCategory.status()).isEqualTo(200);
            assertThat(byCategory.json().get("total").asInt()).isEqualTo(1);

            Response export = api.get(token, subjects(subject) + "/records:export" + PURPOSE);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
            assertThat(export.body().lines().toList()).hasSize(1).first().asString().contains("ana.novak@example.com");

            assertThat(api.delete(token, "/api/v1/records/" + id).status()).isEqualTo(204);
            assertThat(api.get(token, "/api/v1/records/" + id + PURPOSE).status()).isEqualTo(404);
            assertThat(count("SELECT COUNT(*) FROM record_versions WHERE tenant_id = ?", tenant.id())).isZero();
        }

        @Test
        void everyReadNamesAnAllowedPurposeAndIsLoggedWithItInTheSameTransaction() {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String id = create(token, Fixtures.unique("s"), Map.of("name", "Ana")).json().get("id").asString();
            long before = count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ?", tenant.id());

            Response missing = api.get(token, "/api/v1/records/" + id);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
            Response unknown = api.get(token, "/api/v1/records/" + id + "?purpose=curiosity");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("type").asString()).isEqualTo("urn:steward:problem:purpose-not-allowed");
            assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ?", tenant.id())).isEqualTo(before);

            Response viaHeader = api.send(token, "GET", "/api/v1/records/" + id, null, Map.of("Purpose", "security"));
            assertThat(viaHeader.status()).isEqualTo(200);
            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ? AND record_id = ? AND action = 'READ'"
                    + " AND purpose = 'security' AND actor LIKE 'token:%'", tenant.id(), UUID.fromString(id))).isEqualTo(1);

            long records = count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", tenant.id());
            long logged = count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ?", tenant.id());
            Response badWrite = api.post(token, subjects(Fixtures.unique("s")) + "/records", record("horoscope", Map.of("a", 1)));
            assertThat(badWrite.status()).isEqualTo(400);
            assertThat(badWrite.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
            Response badPurposeWrite = api.post(token, subjects(Fixtures.unique("s")) + "/records",
                    Map.of("category", "contact", "purpose", "curiosity", "document", Map.of("a", 1)));
            assertThat(badPurposeWrite.status()).isEqualTo(400);
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", tenant.id())).isEqualTo(records);
            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ?", tenant.id())).isEqualTo(logged);
        }

        @Test
        void anotherTenantCannotReadChangeOrEraseRecordsAndLearnsNothing() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            String tokenA = fixtures.token(a, Role.CUSTOMER_ADMIN);
            String tokenB = fixtures.token(b, Role.CUSTOMER_ADMIN);
            String subject = Fixtures.unique("shared-id");
            String id = create(tokenA, subject, Map.of("phone", "+386 1 234 5678")).json().get("id").asString();
            create(tokenB, Fixtures.unique("own"), Map.of("x", 1));

            assertThat(api.get(tokenB, "/api/v1/records/" + id + PURPOSE).status()).isEqualTo(404);
            assertThat(api.get(tokenB, "/api/v1/records/" + id + "/versions" + PURPOSE).status()).isEqualTo(404);
            assertThat(api.send(tokenB, "PUT", "/api/v1/records/" + id, Map.of("document", Map.of("phone", "0")), Map.of())
                    .status()).isEqualTo(404);
            assertThat(api.delete(tokenB, "/api/v1/records/" + id).status()).isEqualTo(404);
            assertThat(api.get(tokenB, subjects(subject) + "/records" + PURPOSE).status()).isEqualTo(404);
            assertThat(api.get(tokenB, subjects(subject) + "/records:export" + PURPOSE).status()).isEqualTo(404);
            assertThat(api.delete(tokenB, subjects(subject)).status()).isEqualTo(404);

            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ? AND record_id = ? AND version = 1",
                    a.id(), UUID.fromString(id))).isEqualTo(1);
            assertThat(count(SUBJECT_KEYS, a.id(), a.id())).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM keys_erasure WHERE tenant_id = ?", a.id())).isZero();
            assertThat(api.get(tokenA, "/api/v1/records/" + id + PURPOSE).json().get("document").get("phone").asString())
                    .isEqualTo("+386 1 234 5678");
        }

        @Test
        void erasureAnswersAtOnceWhateverTheRecordCountAndThePurgeRemovesTheRows() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String one = Fixtures.unique("one");
            String many = Fixtures.unique("many");
            create(admin, one, Map.of("n", 0));
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 2_000; i++) {
                lines.append("{\"subjectId\":\"").append(many).append("\",\"category\":\"usage\",\"source\":\"SERVICE_USAGE\","
                        + "\"document\":{\"n\":").append(i).append("}}\n");
            }
            Response imported = api.sendRaw(admin, "POST", "/api/v1/records:import" + PURPOSE, lines.toString(),
                    "application/x-ndjson", Map.of());
            assertThat(imported.status()).isEqualTo(200);
            assertThat(imported.json().get("stored").asInt()).isEqualTo(2_000);
            // four batches, two at a time on worker threads: every line is in both logs, in the tenant's log
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'record.import'",
                    tenant.id())).isEqualTo(2_000);
            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ? AND action = 'IMPORT'", tenant.id()))
                    .isEqualTo(2_000);
            String someId = imported.json().get("results").get(7).get("recordId").asString();

            Response erasedOne = api.delete(admin, subjects(one));
            Response erasedMany = api.delete(admin, subjects(many));
            for (Response r : List.of(erasedOne, erasedMany)) {
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("receiptId").asString()).isNotBlank();
                assertThat(r.json().get("journalHash").asString()).hasSize(64);
                assertThat(r.json().get("kind").asString()).isEqualTo("SUBJECT");
            }
            // The request destroyed the key only: the rows are still there, and unreadable.
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", tenant.id())).isEqualTo(2_001);
            assertThat(count(SUBJECT_KEYS, tenant.id(), tenant.id())).isZero();
            Response gone = api.get(admin, "/api/v1/records/" + someId + PURPOSE);
            assertThat(gone.status()).isEqualTo(410);
            assertThat(gone.json().get("type").asString()).isEqualTo("urn:steward:problem:subject-erased");
            assertThat(api.get(admin, subjects(many) + "/records" + PURPOSE).status()).isEqualTo(410);
            Response write = create(admin, many, Map.of("n", -1));
            assertThat(write.status()).isEqualTo(410);
            assertThat(write.json().get("type").asString()).isEqualTo("urn:steward:problem:subject-erased");
            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ? AND action = 'ERASE'", tenant.id()))
                    .isEqualTo(2);
            assertThat(api.delete(admin, subjects(many)).json().get("receiptId").asString())
                    .isEqualTo(erasedMany.json().get("receiptId").asString());

            erasure.purgeErased();
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", tenant.id())).isZero();
            assertThat(api.get(admin, "/api/v1/records/" + someId + PURPOSE).status()).isEqualTo(404);
        }

        @Autowired
        SubjectErasure erasure;

        @Test
        void importReportsEachRejectedLineWithItsFieldAndStoresTheRest() {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_USER);
            String s = Fixtures.unique("imp");
            String fixedId = UUID.randomUUID().toString();
            String ndjson = String.join("\n",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"contact\",\"document\":{\"email\":\"a@example.com\"},\"id\":\"" + fixedId + "\"}",
                    "{not json",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"astrology\",\"document\":{\"a\":1}}",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"contact\",\"purpose\":\"gossip\",\"document\":{\"a\":1}}",
                    "",
                    "{\"category\":\"contact\",\"document\":{\"a\":1}}",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"billing\",\"document\":[1,2]}",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"contact\",\"document\":{\"again\":true},\"id\":\"" + fixedId + "\"}",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"billing\",\"source\":\"SERVICE_USAGE\",\"document\":{\"iban\":\"SI56\"}}")
                    + "\n";
            Response r = api.sendRaw(token, "POST", "/api/v1/records:import", ndjson, "application/x-ndjson",
                    Map.of("Purpose", "contract"));
            assertThat(r.status()).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.get("lines").asInt()).isEqualTo(9);
            assertThat(report.get("stored").asInt()).isEqualTo(2);
            assertThat(report.get("rejected").asInt()).isEqualTo(6);
            Map<Integer, String> fields = new java.util.TreeMap<>();
            for (JsonNode line : report.get("results")) {
                fields.put(line.get("line").asInt(), line.get("status").asString() + ":"
                        + (line.has("field") ? line.get("field").asString() : line.get("recordId").asString()));
            }
            assertThat(fields).containsEntry(1, "STORED:" + fixedId).containsEntry(2, "REJECTED:line")
                    .containsEntry(3, "REJECTED:category").containsEntry(4, "REJECTED:purpose")
                    .containsEntry(6, "REJECTED:subjectId").containsEntry(7, "REJECTED:document")
                    .containsEntry(8, "REJECTED:id").doesNotContainKey(5);
            assertThat(fields.get(9)).startsWith("STORED:");
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", tenant.id())).isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ? AND action = 'IMPORT'", tenant.id()))
                    .isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'record.import'"
                    + " AND outcome = 'success'", tenant.id())).as("each stored line is in the system log").isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'record.import'"
                    + " AND outcome = 'refused' AND object_ref = 'guard:purpose'", tenant.id()))
                    .as("the line the purpose guard refused, naming the guard").isEqualTo(1);

            String allRefused = String.join("\n",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"astrology\",\"document\":{\"a\":1}}",
                    "{\"subjectId\":\"" + s + "\",\"category\":\"contact\",\"purpose\":\"gossip\",\"document\":{\"a\":1}}")
                    + "\n";
            Response none = api.sendRaw(token, "POST", "/api/v1/records:import", allRefused, "application/x-ndjson",
                    Map.of("Purpose", "contract"));
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.json().get("stored").asInt()).isZero();
            assertThat(none.json().get("rejected").asInt()).isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", tenant.id())).isEqualTo(2);

            Response wrongType = api.post(token, "/api/v1/records:import", Map.of("a", 1));
            assertThat(wrongType.status()).isEqualTo(400);
        }

        @Test
        void badInputIsAProblemNamingTheFieldAndChangesNothing() {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_USER);
            String s = Fixtures.unique("bad");
            Response malformed = api.sendRaw(token, "POST", subjects(s) + "/records", "{\"category\": \"contact\", ",
                    "application/json", Map.of());
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
            Response noDocument = api.post(token, subjects(s) + "/records", Map.of("category", "contact", "purpose", "contract"));
            assertThat(noDocument.json().get("errors").get(0).get("field").asString()).isEqualTo("document");
            Response badSource = api.post(token, subjects(s) + "/records",
                    Map.of("category", "contact", "purpose", "contract", "source", "RUMOUR", "document", Map.of()));
            assertThat(badSource.json().get("errors").get(0).get("field").asString()).isEqualTo("source");
            Response oversize = create(token, s, Map.of("blob", "x".repeat(RecordStore.MAX_DOCUMENT_BYTES)));
            assertThat(oversize.status()).isEqualTo(413);
            assertThat(oversize.json().get("errors").get(0).get("field").asString()).isEqualTo("document");
            assertThat(api.get(token, subjects(Fixtures.unique("nobody")) + "/records" + PURPOSE).status()).isEqualTo(404);
            assertThat(count("SELECT COUNT(*) FROM records WHERE tenant_id = ?", tenant.id())).isZero();
        }

        @Test
        void aTamperedCiphertextIsAnIntegrityViolationNotData() {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_USER);
            String id = create(token, Fixtures.unique("t"), Map.of("name", "Ana")).json().get("id").asString();
            TenantScope.run(DataScope.tenant(tenant.id()), () -> {
                byte[] payload = jdbc.sql("SELECT payload FROM records WHERE tenant_id = ? AND record_id = ?")
                        .params(tenant.id(), UUID.fromString(id)).query(byte[].class).single();
                payload[payload.length - 3] ^= 0x01;
                jdbc.sql("UPDATE records SET payload = ? WHERE tenant_id = ? AND record_id = ?")
                        .params(payload, tenant.id(), UUID.fromString(id)).update();
            });
            long logged = count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ?", tenant.id());
            Response r = api.get(token, "/api/v1/records/" + id + PURPOSE);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:steward:problem:integrity-violation");
            assertThat(r.body()).doesNotContain("Ana");
            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ?", tenant.id())).isEqualTo(logged);
        }

        @Test
        void tenantsConfigureTheirCategories() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            assertThat(api.get(admin, "/api/v1/record-categories").json().get("categories").size()).isEqualTo(9);
            Response replaced = api.send(admin, "PUT", "/api/v1/record-categories",
                    Map.of("categories", List.of("contact", "loyalty")), Map.of());
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(api.post(admin, subjects(Fixtures.unique("c")) + "/records", record("loyalty", Map.of("points", 3)))
                    .status()).isEqualTo(201);
            assertThat(api.post(admin, subjects(Fixtures.unique("c")) + "/records", record("billing", Map.of("x", 3)))
                    .status()).isEqualTo(400);
            String user = fixtures.token(tenant, Role.CUSTOMER_USER);
            assertThat(api.send(user, "PUT", "/api/v1/record-categories", Map.of("categories", List.of("x")), Map.of())
                    .status()).isEqualTo(403);
        }
    }
}
