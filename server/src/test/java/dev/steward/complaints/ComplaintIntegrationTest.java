package dev.steward.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.util.GreenMail;

import dev.steward.notices.internal.DeliveryJob;
import dev.steward.platform.DataScope;
import dev.steward.platform.Job;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.support.TestMail;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Complaints end to end through the API (issue 11, RIGHT-6): recorded by customer staff, handled by
 * the provider's compliance staff from investigation to closure, the complainant told by email, the
 * deadline of one month with one reminder and one overdue alert by moving time, bad input changing
 * nothing, and no other tenant seeing anything.
 */
class ComplaintIntegrationTest {

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

        static final String PROBLEM = "urn:steward:problem:";
        static final String COMPLAINTS = "/api/v1/complaints";

        @Autowired
        JdbcClient jdbc;
        @Autowired
        DeliveryJob deliveries;
        @Autowired
        List<Job> jobs;

        GreenMail mail;

        @BeforeEach
        void mailbox() throws Exception {
            mail = TestMail.start();
            mail.purgeEmailFromAllMailboxes();
        }

        record Desk(Tenant tenant, String admin, String compliance) {
        }

        Desk desk() {
            Tenant tenant = fixtures.tenant();
            return new Desk(tenant, fixtures.token(tenant, Role.CUSTOMER_ADMIN),
                    fixtures.token(fixtures.provider(), Role.COMPLIANCE));
        }

        Response record(Desk d, String email) {
            return api.post(d.admin(), COMPLAINTS, Map.of("channel", "email", "complainant",
                    Map.of("name", "Cleo Complainer", "email", email), "text", "you kept my data after I left"));
        }

        static String created(Response r) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().get("id").asString();
        }

        Response step(String token, String id, String step, Map<String, Object> body) {
            return api.post(token, COMPLAINTS + "/" + id + "/" + step, body);
        }

        static void problem(Response r, int status, String type, String field) {
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.json().get("type").asString()).isEqualTo(PROBLEM + type);
            if (field != null) {
                assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
            }
        }

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        List<String> mailTo(String address) throws Exception {
            deliveries.run();
            return TestMail.bodiesTo(mail, address);
        }

        /** Polls until the count reaches {@code expected} (the compliance team is told after the commit, by a listener). */
        long awaitCount(long expected, String sql, Object... params) {
            return await().atMost(Duration.ofSeconds(20)).until(() -> count(sql, params), n -> n >= expected);
        }

        void runWatch() {
            jobs.stream().filter(j -> j.name().equals("complaints.deadline-watch")).findFirst().orElseThrow().run();
        }

        static Map<String, Object> with(Object... kv) {
            Map<String, Object> m = new HashMap<>();
            for (int i = 0; i < kv.length; i += 2) {
                m.put((String) kv[i], kv[i + 1]);
            }
            return m;
        }

        @Test
        void aComplaintByEmailIsInvestigatedAnsweredAndClosedAndTheComplainantIsToldAtEachStage() throws Exception {
            Desk d = desk();
            String email = Fixtures.unique("cleo") + "@example.org";
            Response recorded = record(d, email);
            String id = created(recorded);
            assertThat(recorded.json().get("state").asString()).isEqualTo("RECEIVED");
            assertThat(recorded.json().get("assignedRole").asString()).isEqualTo("COMPLIANCE");
            assertThat(recorded.json().get("complainant").get("email").asString()).isEqualTo(email);

            problem(step(d.admin(), id, "investigation", Map.of()), 403, "forbidden", null);
            problem(step(d.compliance(), id, "closure", Map.of()), 409, "complaint-step-not-allowed", "state");
            Response listed = api.get(d.compliance(), COMPLAINTS);
            assertThat(listed.json().get("items").findValuesAsString("id")).as("compliance sees every tenant's")
                    .contains(id);

            Response started = step(d.compliance(), id, "investigation", with("version", 1));
            assertThat(started.json().get("state").asString()).as(started.body()).isEqualTo("UNDER_INVESTIGATION");
            assertThat(started.json().get("assignee").asString()).startsWith("token:");
            problem(step(d.compliance(), id, "notes", with("note", "stale", "version", 1)), 409,
                    "complaint-changed-meanwhile", "version");
            step(d.admin(), id, "notes", with("note", "the customer's own note", "version", 2));
            String request = UUID.randomUUID().toString();
            Response linked = step(d.compliance(), id, "links", with("kind", "request", "reference", request));
            assertThat(linked.status()).as(linked.body()).isEqualTo(200);
            step(d.compliance(), id, "links", with("kind", "incident", "reference", "INC-2026-17"));
            problem(step(d.compliance(), id, "links", with("kind", "request", "reference", request.toUpperCase())), 409,
                    "complaint-already-linked", "reference");
            Response responded = step(d.compliance(), id, "response", with("outcome", "upheld",
                    "response", "your data was deleted on 2 December; the retention rule is corrected"));
            assertThat(responded.json().get("state").asString()).as(responded.body()).isEqualTo("RESPONDED");
            assertThat(responded.json().get("clock").get("state").asString()).isEqualTo("ANSWERED");
            assertThat(responded.json().get("outcome").asString()).isEqualTo("UPHELD");
            assertThat(responded.json().get("response").asString()).startsWith("your data was deleted");
            assertThat(responded.json().get("links")).hasSize(2);
            assertThat(responded.json().get("links").get(0).get("reference").asString()).isEqualTo(request);
            Response closed = step(d.compliance(), id, "closure", Map.of());
            assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");

            List<String> steps = new ArrayList<>();
            closed.json().get("history").forEach(h -> {
                steps.add(h.get("step").asString());
                assertThat(h.get("actor").asString()).isNotBlank();
                assertThat(h.get("at").asString()).isNotBlank();
            });
            assertThat(steps).containsExactly("RECEIVE", "START_INVESTIGATION", "NOTE", "LINK", "LINK", "RESPOND",
                    "CLOSE");
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action LIKE 'complaints.complaint.%'"
                    + " AND action <> 'complaints.complaint.read' AND object_ref = ?", d.tenant().id(), "complaint:" + id))
                    .as("every step is in the tenant's system log").isEqualTo(7);
            assertThat(count("SELECT COUNT(*) FROM provider_accesses WHERE tenant_id = ? AND action LIKE 'complaints.%'",
                    d.tenant().id())).as("the customer sees what the provider's staff did: five steps").isEqualTo(5);
            assertThat(api.get(d.compliance(), COMPLAINTS + "/" + id).status()).isEqualTo(200);
            assertThat(count("SELECT COUNT(*) FROM provider_accesses WHERE tenant_id = ? AND action = ?",
                    d.tenant().id(), "complaints.complaint.read")).as("and that they opened the complainant's file")
                    .isEqualTo(1);
            assertThat(awaitCount(1, "SELECT COUNT(*) FROM notice_inbox WHERE tenant_id = ? AND subject LIKE ?"
                    + " AND body LIKE ? AND audience = ',COMPLIANCE,'", DataScope.PROVIDER_TENANT,
                    "A complaint was received%", "%" + id + "%")).as("the compliance team is told of it").isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM notices WHERE tenant_id = ? AND subject IN (?, ?) AND body LIKE ?",
                    d.tenant().id(), "Complaint received", "Complaint answered: upheld", "%" + id + "%"))
                    .as("the customer's administrators are told of receipt and answer").isEqualTo(2);

            List<String> told = mailTo(email);
            assertThat(told).hasSize(3);
            assertThat(told.get(0)).contains("We received your complaint").contains("by the end of").contains(id);
            assertThat(told.get(1)).contains("started to investigate");
            assertThat(told.get(2)).contains("your data was deleted on 2 December").contains("supervisory authority");
            assertThat(told).noneMatch(b -> b.contains("the customer's own note"));
        }

        @Test
        void theDeadlineIsOneMonthAndTheWatchRemindsAndAlertsComplianceAndSecurityOnce() throws Exception {
            Desk d = desk();
            String id = created(record(d, Fixtures.unique("dora") + "@example.org"));
            Instant due = Instant.parse(api.get(d.admin(), COMPLAINTS + "/" + id).json().get("clock").get("dueAt")
                    .asString());
            assertThat(due).as("about one month, moved to a working day at most")
                    .isBetween(clock.instant().plus(Duration.ofDays(27)), clock.instant().plus(Duration.ofDays(35)));
            String provider = "SELECT COUNT(*) FROM notices WHERE tenant_id = ? AND subject LIKE ? AND body LIKE ?";
            runWatch();
            assertThat(awaitCount(1, provider, DataScope.PROVIDER_TENANT, "A complaint was received%", "%" + id + "%"))
                    .as("compliance is told of the new complaint once").isEqualTo(1);
            assertThat(count(provider, DataScope.PROVIDER_TENANT, "A complaint is due soon%", "%" + id + "%")).isZero();

            clock.advance(Duration.between(clock.instant(), due).minus(Duration.ofDays(3)));
            runWatch();
            runWatch();
            assertThat(count(provider, DataScope.PROVIDER_TENANT, "A complaint is due soon%", "%" + id + "%"))
                    .as("one reminder").isEqualTo(1);
            assertThat(count(provider, DataScope.PROVIDER_TENANT, "A complaint is OVERDUE%", "%" + id + "%")).isZero();

            clock.advance(Duration.ofDays(4));
            runWatch();
            runWatch();
            assertThat(count(provider, DataScope.PROVIDER_TENANT, "A complaint is OVERDUE%", "%" + id + "%"))
                    .as("one alert to compliance and the security officers").isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM notice_inbox WHERE tenant_id = ? AND subject LIKE ? AND body LIKE ?"
                    + " AND audience LIKE '%COMPLIANCE%' AND audience LIKE '%SECURITY_OFFICER%'",
                    DataScope.PROVIDER_TENANT, "A complaint is OVERDUE%", "%" + id + "%"))
                    .as("in the inbox of compliance and the security officers").isEqualTo(1);
            assertThat(count(provider, d.tenant().id(), "Complaint OVERDUE%", "%" + id + "%"))
                    .as("one alert to the tenant").isEqualTo(1);
            assertThat(count(provider, DataScope.PROVIDER_TENANT, "A complaint was received%", "%" + id + "%"))
                    .as("still told of its receipt once").isEqualTo(1);

            String compliance = fixtures.token(fixtures.provider(), Role.COMPLIANCE);
            JsonNode first = api.get(compliance, COMPLAINTS).json().get("items").get(0);
            assertThat(first.get("clock").get("state").asString()).isEqualTo("OVERDUE");
            JsonNode own = api.get(fixtures.token(d.tenant(), Role.CUSTOMER_ADMIN), COMPLAINTS).json().get("items");
            assertThat(own).hasSize(1);
            assertThat(own.get(0).get("id").asString()).isEqualTo(id);
        }

        @Test
        void aWithdrawnComplaintStopsTheClockAndCannotBeAnswered() throws Exception {
            Desk d = desk();
            String email = Fixtures.unique("wil") + "@example.org";
            String id = created(record(d, email));
            Response withdrawn = step(d.compliance(), id, "withdrawal", with("note", "letter of 3 December"));
            assertThat(withdrawn.json().get("state").asString()).as(withdrawn.body()).isEqualTo("WITHDRAWN");
            assertThat(withdrawn.json().get("clock").get("state").asString()).isEqualTo("ANSWERED");
            problem(step(d.compliance(), id, "response", with("outcome", "upheld", "response", "too late")), 409,
                    "complaint-step-not-allowed", "state");
            clock.advance(Duration.ofDays(40));
            runWatch();
            assertThat(count("SELECT COUNT(*) FROM notices WHERE subject LIKE '%OVERDUE%' AND body LIKE ?",
                    "%" + id + "%")).as("a withdrawn complaint is not late").isZero();
            assertThat(mailTo(email)).anyMatch(b -> b.contains("Your complaint is withdrawn"));
        }

        @Test
        void aFinishedComplaintsFileIsRetiredAfterItsRetentionAndItsSkeletonStays() {
            Desk d = desk();
            String id = created(record(d, Fixtures.unique("ret") + "@example.org"));
            assertThat(step(d.admin(), id, "notes", with("note", "called the customer")).status()).isEqualTo(200);
            assertThat(step(d.compliance(), id, "withdrawal", with("note", "by phone")).status()).isEqualTo(200);
            String open = created(record(d, Fixtures.unique("open") + "@example.org"));
            Job retention = jobs.stream().filter(j -> j.name().equals("complaints.retire-finished-complaints"))
                    .findFirst().orElseThrow();

            clock.advance(Duration.ofDays(3 * 365 - 2));
            retention.run();
            String compliance = fixtures.token(fixtures.provider(), Role.COMPLIANCE);
            assertThat(api.get(compliance, COMPLAINTS + "/" + id).json().get("complainant").get("name").asString())
                    .as("within its retention").isEqualTo("Cleo Complainer");

            clock.advance(Duration.ofDays(4));
            retention.run();
            compliance = fixtures.token(fixtures.provider(), Role.COMPLIANCE);
            Response retired = api.get(compliance, COMPLAINTS + "/" + id);
            assertThat(retired.status()).as(retired.body()).isEqualTo(200);
            assertThat(retired.json().get("state").asString()).isEqualTo("WITHDRAWN");
            assertThat(absent(retired.json().get("complainant"), "name")).isTrue();
            assertThat(absent(retired.json().get("complainant"), "email")).isTrue();
            assertThat(absent(retired.json(), "text")).isTrue();
            List<String> notes = new ArrayList<>();
            retired.json().get("history").forEach(h -> notes.add(absent(h, "note") ? null : h.get("note").asString()));
            assertThat(notes).as("the skeleton keeps the steps, not their notes").hasSize(3).containsOnlyNulls();
            assertThat(count("SELECT COUNT(*) FROM complaints WHERE tenant_id = ? AND complaint_id = ?"
                    + " AND complainant_key IS NULL AND response IS NULL AND OCTET_LENGTH(personal) = 0",
                    d.tenant().id(), UUID.fromString(id))).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action ="
                    + " 'complaints.complaint.retired' AND object_ref = ?", d.tenant().id(), "complaint:" + id))
                    .isEqualTo(1);
            assertThat(api.get(compliance, COMPLAINTS + "/" + open).json().get("complainant").get("name").asString())
                    .as("an open complaint is never retired").isEqualTo("Cleo Complainer");
            retention.run();
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action ="
                    + " 'complaints.complaint.retired'", d.tenant().id())).as("retired once").isEqualTo(1);
        }

        private static boolean absent(JsonNode node, String field) {
            return node == null || !node.has(field) || node.get(field).isNull();
        }

        @Test
        void complianceRecordsForANamedTenantAndBadInputNamesTheFieldAndChangesNothing() {
            Desk d = desk();
            Response forTenant = api.post(d.compliance(), COMPLAINTS, Map.of("channel", "post", "tenantId",
                    d.tenant().id().toString(), "complainant", Map.of("name", "Paul Post"), "text", "a letter"));
            String id = created(forTenant);
            assertThat(forTenant.json().get("tenantId").asString()).isEqualTo(d.tenant().id().toString());
            assertThat(api.get(d.admin(), COMPLAINTS + "/" + id).status()).as("the customer reads it").isEqualTo(200);
            String aboutProvider = created(api.post(d.compliance(), COMPLAINTS, Map.of("channel", "email", "complainant",
                    Map.of("email", Fixtures.unique("pat") + "@example.org"), "text", "about the provider itself")));
            assertThat(api.get(d.compliance(), COMPLAINTS + "/" + aboutProvider).json().get("tenantId").asString())
                    .isEqualTo(DataScope.PROVIDER_TENANT.toString());
            problem(api.get(d.admin(), COMPLAINTS + "/" + aboutProvider), 404, "not-found", null);
            problem(api.post(d.compliance(), COMPLAINTS, Map.of("channel", "post", "tenantId",
                    UUID.randomUUID().toString(), "complainant", Map.of("name", "X"), "text", "t")), 400, "invalid-field",
                    "tenantId");
            problem(api.post(d.admin(), COMPLAINTS, Map.of("channel", "post", "tenantId",
                    fixtures.tenant().id().toString(), "complainant", Map.of("name", "X"), "text", "t")), 404,
                    "not-found", null);

            long before = count("SELECT COUNT(*) FROM complaints WHERE tenant_id = ?", d.tenant().id());
            problem(api.post(d.admin(), COMPLAINTS, Map.of("channel", "email", "complainant", Map.of("name", "A"))),
                    400, "invalid-field", "text");
            problem(api.post(d.admin(), COMPLAINTS, Map.of("channel", "fax", "complainant", Map.of("name", "A"),
                    "text", "t")), 400, "invalid-field", "channel");
            problem(api.post(d.admin(), COMPLAINTS, Map.of("channel", "web_form", "complainant", Map.of("name", "A"),
                    "text", "t")), 400, "invalid-field", "channel");
            problem(api.post(d.admin(), COMPLAINTS, Map.of("channel", "email", "complainant",
                    Map.of("email", "not-an-address"), "text", "t")), 400, "invalid-field", "complainant.email");
            problem(api.post(d.admin(), COMPLAINTS, Map.of("channel", "email", "text", "t")), 400, "invalid-field",
                    "complainant.name");
            problem(api.post(d.admin(), COMPLAINTS, Map.of("channel", "email", "complainant", Map.of("name", "A"),
                    "text", "t", "receivedAt", clock.instant().plus(Duration.ofDays(1)).toString())), 400,
                    "invalid-field", "receivedAt");
            assertThat(count("SELECT COUNT(*) FROM complaints WHERE tenant_id = ?", d.tenant().id())).isEqualTo(before);

            problem(step(d.compliance(), id, "links", with("kind", "invoice", "reference", "x")), 400, "invalid-field",
                    "kind");
            problem(step(d.compliance(), id, "links", with("kind", "record", "reference", "not-a-uuid")), 400,
                    "invalid-field", "reference");
            problem(step(d.compliance(), id, "links", with("kind", "incident", "reference", "free text, with spaces")),
                    400, "invalid-field", "reference");
            step(d.compliance(), id, "investigation", Map.of());
            problem(step(d.compliance(), id, "response", Map.of("response", "r")), 400, "invalid-field", "outcome");
            problem(step(d.compliance(), id, "response", Map.of("outcome", "upheld")), 400, "invalid-field", "response");
            problem(step(d.compliance(), id, "notes", Map.of()), 400, "invalid-field", "note");
            Response unchanged = api.get(d.admin(), COMPLAINTS + "/" + id);
            assertThat(unchanged.json().get("state").asString()).isEqualTo("UNDER_INVESTIGATION");
            assertThat(unchanged.json().get("links")).isEmpty();
            assertThat(unchanged.json().get("version").asInt()).isEqualTo(2);

            Tenant other = fixtures.tenant();
            String intruder = fixtures.token(other, Role.CUSTOMER_ADMIN);
            problem(api.get(intruder, COMPLAINTS + "/" + id), 404, "not-found", null);
            problem(step(intruder, id, "notes", with("note", "planted")), 404, "not-found", null);
            assertThat(api.get(intruder, COMPLAINTS).json().get("items")).isEmpty();
            assertThat(api.get(fixtures.token(d.tenant(), Role.CUSTOMER_USER), COMPLAINTS).status())
                    .as("customer users do not read complaints").isEqualTo(403);
            assertThat(api.get(fixtures.token(fixtures.provider(), Role.MANAGED_SERVICE), COMPLAINTS + "/" + id)
                    .status()).isEqualTo(403);
        }
    }
}
