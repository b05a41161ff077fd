package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import dev.steward.notices.internal.PersonNoticeSeal;
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
 * Data-subject requests end to end through the API (issue 11): intake, identity, the customer's
 * decision, fulfilment by the platform, the requester told by email, the legal clock with its pause
 * and its one extension, reminders and overdue alerts by moving time, and bad input changing nothing.
 */
class RightsRequestIntegrationTest {

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
        static final String REQUESTS = "/api/v1/rights/requests";

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

        record Subject(Tenant tenant, String admin, String id, String record) {
        }

        Subject subjectWithARecord() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String id = Fixtures.unique("s");
            Response r = api.post(admin, "/api/v1/subjects/" + id + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("email", "ana@example.com")));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return new Subject(tenant, admin, id, r.json().get("id").asString());
        }

        Response receive(Subject s, String type, String email) {
            return api.post(s.admin(), REQUESTS, Map.of("type", type, "subjectId", s.id(), "channel", "letter",
                    "requester", Map.of("name", "Ana Example", "email", email), "details", "please " + type));
        }

        String created(Response r) {
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().get("id").asString();
        }

        Response step(Subject s, String id, String step, Map<String, Object> body) {
            return api.post(s.admin(), REQUESTS + "/" + id + "/" + step, body);
        }

        static void problem(Response r, int status, String type, String field) {
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.json().get("type").asString()).isEqualTo(PROBLEM + type);
            if (field != null) {
                assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
            }
        }

        static boolean absent(JsonNode node, String field) {
            return node == null || node.get(field) == null || node.get(field).isNull();
        }

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        List<String> mailTo(String address) throws Exception {
            deliveries.run();
            return TestMail.bodiesTo(address);
        }

        void runWatch() {
            jobs.stream().filter(j -> j.name().equals("rights.deadline-watch")).findFirst().orElseThrow().run();
        }

        @Test
        void anErasureRequestGoesFromReceiptToAReceiptAndTheRequesterIsToldAtEachStep() throws Exception {
            Subject s = subjectWithARecord();
            String email = Fixtures.unique("ana") + "@example.org";
            Response received = receive(s, "erasure", email);
            String id = created(received);
            assertThat(received.json().get("state").asString()).isEqualTo("RECEIVED");
            assertThat(received.json().get("clock").get("state").asString()).isEqualTo("RUNNING");
            Instant due = Instant.parse(received.json().get("clock").get("dueAt").asString());
            assertThat(due).as("about one month, moved to a working day at most")
                    .isBetween(clock.instant().plus(Duration.ofDays(27)), clock.instant().plus(Duration.ofDays(35)));

            problem(step(s, id, "fulfilment", null), 409, "request-step-not-allowed", "state");
            Response verified = step(s, id, "identity", Map.of());
            assertThat(verified.json().get("state").asString()).as(verified.body()).isEqualTo("VERIFIED");

            Response decided = step(s, id, "decision", Map.of("outcome", "approve"));
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            assertThat(decided.json().get("state").asString()).isEqualTo("FULFILLED");
            assertThat(decided.json().get("outcome").asString()).startsWith("erased: key destroyed");
            assertThat(decided.json().get("clock").get("state").asString()).isEqualTo("ANSWERED");
            List<String> steps = new ArrayList<>();
            decided.json().get("history").forEach(h -> steps.add(h.get("step").asString()));
            assertThat(steps).containsExactly("RECEIVE", "VERIFY_IDENTITY", "APPROVE", "FULFIL");
            decided.json().get("history").forEach(h -> assertThat(h.get("actor").asString()).isNotBlank());

            Response read = api.get(s.admin(), "/api/v1/records/" + s.record() + "?purpose=contract");
            assertThat(read.status()).as("the subject is erased").isIn(404, 410);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action LIKE 'rights.request.%'"
                    + " AND object_ref LIKE ?", s.tenant().id(), "rights-request:" + id + "%"))
                    .as("every step is in the system log").isEqualTo(4);

            List<String> told = mailTo(email);
            assertThat(told).hasSize(2);
            assertThat(told.get(0)).contains("We received your erasure request").contains(id);
            assertThat(told.get(1)).contains("Deletion receipt");
            assertThat(count("SELECT COUNT(*) FROM notice_deliveries WHERE tenant_id = ? AND recipient = ?",
                    s.tenant().id(), PersonNoticeSeal.PLACEHOLDER)).as("the two emails were sealed").isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM notice_deliveries WHERE tenant_id = ? AND sealed_recipient IS NOT NULL",
                    s.tenant().id())).as("the address is emptied on delivery").isZero();
            assertThat(count("SELECT COUNT(*) FROM notices WHERE tenant_id = ? AND sealed_body IS NOT NULL",
                    s.tenant().id())).as("and so is the body").isZero();
            assertThat(api.get(s.admin(), REQUESTS + "/" + id).json().get("state").asString()).isEqualTo("FULFILLED");
            assertThat(step(s, id, "closure", null).json().get("state").asString()).isEqualTo("CLOSED");
        }

        @Test
        void anErasureRequestUnderALegalHoldIsPartialAndTheRequesterIsToldWhatWasKeptAndWhy() throws Exception {
            Subject s = subjectWithARecord();
            Response other = api.post(s.admin(), "/api/v1/subjects/" + s.id() + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("phone", "+32 2 555 01 01")));
            assertThat(other.status()).isEqualTo(201);
            Response hold = api.post(s.admin(), "/api/v1/subjects/" + s.id() + "/legal-holds",
                    Map.of("reason", "invoice kept under the VAT act", "recordId", s.record()));
            assertThat(hold.status()).as(hold.body()).isEqualTo(201);
            String email = Fixtures.unique("held") + "@example.org";
            String id = created(receive(s, "erasure", email));
            step(s, id, "identity", Map.of());

            Response decided = step(s, id, "decision", Map.of("outcome", "approve"));
            assertThat(decided.json().get("state").asString()).as(decided.body()).isEqualTo("FULFILLED");
            assertThat(decided.json().get("outcome").asString())
                    .isEqualTo("partly erased: 1 records deleted, 1 kept under legal hold");
            assertThat(api.get(s.admin(), "/api/v1/records/" + s.record() + "?purpose=legal-claims").status())
                    .as("the held record is kept").isEqualTo(200);
            assertThat(api.get(s.admin(), "/api/v1/records/" + other.json().get("id").asString() + "?purpose=contract")
                    .status()).as("the other is deleted").isEqualTo(404);
            assertThat(mailTo(email).getLast()).contains("Part of your personal data was erased")
                    .contains("1 records must be kept").contains("invoice kept under the VAT act");
        }

        @Test
        void aRequestAboutAnUnknownSubjectIsAnsweredAsAnyOtherAndRevealsNothing() throws Exception {
            Subject s = subjectWithARecord();
            Response unknown = api.post(s.admin(), REQUESTS, Map.of("type", "access", "subjectId",
                    Fixtures.unique("nobody"), "requester", Map.of("email", Fixtures.unique("nb") + "@example.org")));
            Response known = api.post(s.admin(), REQUESTS, Map.of("type", "access", "subjectId", s.id(),
                    "requester", Map.of("email", Fixtures.unique("kn") + "@example.org")));
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(201);
            assertThat(known.status()).as(known.body()).isEqualTo(201);
            assertThat(fieldsOf(unknown.json())).as("the same answer, whether or not the subject has records")
                    .isEqualTo(fieldsOf(known.json()));
            assertThat(unknown.json().get("state").asString()).isEqualTo(known.json().get("state").asString());
            assertThat(unknown.json().get("clock").get("state").asString())
                    .isEqualTo(known.json().get("clock").get("state").asString());
            String id = unknown.json().get("id").asString();
            assertThat(step(s, id, "identity", Map.of()).json().get("state").asString())
                    .as("verifying the requester says nothing of the records either").isEqualTo("VERIFIED");
        }

        /** Every field name of a JSON answer, nested ones with their path. */
        private static java.util.SortedSet<String> fieldsOf(JsonNode node) {
            java.util.SortedSet<String> out = new java.util.TreeSet<>();
            node.properties().forEach(e -> {
                out.add(e.getKey());
                if (e.getValue().isObject()) {
                    fieldsOf(e.getValue()).forEach(f -> out.add(e.getKey() + "." + f));
                }
            });
            return out;
        }

        @Test
        void theDeadlineIsCountedInTheTenantsCalendarSoAHolidayOnItsLastDayMovesIt() {
            Subject s = subjectWithARecord();
            String first = created(receive(s, "access", Fixtures.unique("cal") + "@example.org"));
            JsonNode before = api.get(s.admin(), REQUESTS + "/" + first).json().get("clock");
            LocalDate lastDay = LocalDate.parse(before.get("lastDay").asString());
            assertThat(api.post(s.admin(), "/api/v1/calendar/holidays", Map.of("date", lastDay.toString(), "name",
                    "the tenant's own holiday")).status()).isEqualTo(201);

            JsonNode after = receive(s, "portability", Fixtures.unique("cal") + "@example.org").json().get("clock");
            LocalDate moved = LocalDate.parse(after.get("lastDay").asString());
            assertThat(moved).as("received at the same instant, it ends on the next working day").isAfter(lastDay);
            assertThat(moved.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
            assertThat(api.get(s.admin(), REQUESTS + "/" + first).json().get("clock").get("lastDay").asString())
                    .as("an open request's clock is counted in the calendar as it stands").isEqualTo(moved.toString());
        }

        @Test
        void aSecondOpenRequestOfTheSameTypeIsADuplicateAndARejectedOneCannotBeFulfilled() throws Exception {
            Subject s = subjectWithARecord();
            String email = Fixtures.unique("bo") + "@example.org";
            String id = created(receive(s, "access", email));
            problem(receive(s, "access", email), 409, "duplicate-open-request", "type");
            created(receive(s, "restriction", email));

            problem(step(s, id, "decision", Map.of("outcome", "reject")), 400, "invalid-field", "reason");
            Response rejected = step(s, id, "decision", Map.of("outcome", "reject", "reason", "manifestly unfounded"));
            assertThat(rejected.json().get("state").asString()).as(rejected.body()).isEqualTo("REJECTED");
            problem(step(s, id, "fulfilment", null), 409, "request-step-not-allowed", "state");
            assertThat(mailTo(email).stream().filter(b -> b.contains("manifestly unfounded")
                    && b.contains("supervisory authority")).count()).as("the reason and the remedies are told").isEqualTo(1);
            created(receive(s, "access", email));
        }

        @Test
        void anApprovedRestrictionIsHonouredByTheAccessGuardsAtOnce() {
            Subject s = subjectWithARecord();
            String id = created(receive(s, "restriction", Fixtures.unique("cy") + "@example.org"));
            step(s, id, "identity", Map.of());
            Response done = step(s, id, "decision", Map.of("outcome", "approve"));
            assertThat(done.json().get("state").asString()).as(done.body()).isEqualTo("FULFILLED");
            assertThat(api.get(s.admin(), "/api/v1/subjects/" + s.id() + "/processing-flags").json()
                    .get("restricted").asBoolean()).isTrue();
            assertThat(api.get(s.admin(), "/api/v1/records/" + s.record() + "?purpose=contract").status())
                    .as("processing for the contract is refused now").isEqualTo(403);
        }

        @Test
        void anApprovedObjectionRefusesLegitimateInterestPurposesAndKeepsTheContract() {
            Subject s = subjectWithARecord();
            String id = created(receive(s, "objection", Fixtures.unique("ob") + "@example.org"));
            step(s, id, "identity", Map.of());
            Response done = step(s, id, "decision", Map.of("outcome", "approve"));
            assertThat(done.json().get("state").asString()).as(done.body()).isEqualTo("FULFILLED");
            assertThat(done.json().get("outcome").asString()).isEqualTo("objection recorded");
            assertThat(api.get(s.admin(), "/api/v1/subjects/" + s.id() + "/processing-flags").json()
                    .get("objected").asBoolean()).isTrue();
            assertThat(api.get(s.admin(), "/api/v1/records/" + s.record() + "?purpose=contract").status())
                    .as("the contract is no legitimate interest").isEqualTo(200);
            problem(api.get(s.admin(), "/api/v1/records/" + s.record() + "?purpose=marketing"), 403,
                    "processing-objected", null);
        }

        @Test
        void askingForIdentityPausesTheClockAndTheDeadlineIsExtendedOnceByAtMostTwoMonths() throws Exception {
            Subject first = subjectWithARecord();
            String email = Fixtures.unique("di") + "@example.org";
            String id = created(receive(first, "portability", email));
            Subject s = first;
            Instant due = Instant.parse(api.get(s.admin(), REQUESTS + "/" + id).json().get("clock").get("dueAt").asString());

            Response asked = step(s, id, "identity-request", Map.of("message", "send a copy of your customer card"));
            assertThat(asked.json().get("state").asString()).as(asked.body()).isEqualTo("AWAITING_IDENTITY");
            assertThat(asked.json().get("clock").get("state").asString()).isEqualTo("PAUSED");
            clock.advance(Duration.ofDays(10));
            // API tokens of the test expire within days: a new one after moving time
            s = new Subject(first.tenant(), fixtures.token(first.tenant(), Role.CUSTOMER_ADMIN), first.id(), first.record());
            Response verified = step(s, id, "identity", Map.of());
            assertThat(verified.json().get("clock").get("state").asString()).isEqualTo("RUNNING");
            Instant later = Instant.parse(verified.json().get("clock").get("dueAt").asString());
            assertThat(later).as("moved by the ten paused days").isAfterOrEqualTo(due.plus(Duration.ofDays(10)));

            problem(step(s, id, "extension", Map.of("months", 3, "reason", "many requests")), 400, "invalid-field", "months");
            problem(step(s, id, "extension", Map.of("months", 2)), 400, "invalid-field", "reason");
            Response extended = step(s, id, "extension", Map.of("months", 2, "reason", "the request is complex"));
            assertThat(extended.json().get("clock").get("extendedByMonths").asInt()).as(extended.body()).isEqualTo(2);
            assertThat(Instant.parse(extended.json().get("clock").get("dueAt").asString()))
                    .isAfter(later.plus(Duration.ofDays(55)));
            problem(step(s, id, "extension", Map.of("months", 1, "reason", "again")), 409, "extension-already-granted",
                    "months");
            assertThat(mailTo(email)).as("the requester is told of the extension, its new date and its reason")
                    .anyMatch(b -> b.contains("extended by 2 months, to the end of "
                            + extended.json().get("clock").get("lastDay").asString()) && b.contains("Why: the request is complex"));
        }

        @Test
        void theWatchRemindsBeforeTheDeadlineAndAlertsTheTenantAndTheProviderOnceWhenItIsMissed() {
            Subject s = subjectWithARecord();
            String id = created(receive(s, "access", Fixtures.unique("ed") + "@example.org"));
            String tenantNotices = "SELECT COUNT(*) FROM notices WHERE tenant_id = ? AND subject LIKE ? AND body LIKE ?";

            runWatch();
            assertThat(count(tenantNotices, s.tenant().id(), "Data-subject request due soon%", "%" + id + "%")).isZero();
            clock.advance(Duration.ofDays(27));
            runWatch();
            runWatch();
            assertThat(count(tenantNotices, s.tenant().id(), "Data-subject request due soon%", "%" + id + "%"))
                    .as("one reminder").isEqualTo(1);

            clock.advance(Duration.ofDays(10));
            runWatch();
            runWatch();
            assertThat(count(tenantNotices, s.tenant().id(), "Data-subject request OVERDUE%", "%" + id + "%"))
                    .as("one overdue alert to the tenant").isEqualTo(1);
            assertThat(count(tenantNotices, DataScope.PROVIDER_TENANT, "A data-subject request is overdue%",
                    "%" + id + "%")).as("one alert to the provider's security officers").isEqualTo(1);
            Response list = api.get(fixtures.token(s.tenant(), Role.CUSTOMER_ADMIN), REQUESTS);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            JsonNode listed = list.json().get("items");
            assertThat(listed.get(0).get("id").asString()).as("the overdue request comes first").isEqualTo(id);
            assertThat(listed.get(0).get("clock").get("state").asString()).isEqualTo("OVERDUE");
        }

        @Test
        void anAnsweredRequestsFileIsRetiredAtTheEndOfItsRetentionAndItsSkeletonKept() {
            Subject s = subjectWithARecord();
            String id = created(receive(s, "access", Fixtures.unique("fi") + "@example.org"));
            String open = created(receive(s, "erasure", Fixtures.unique("gu") + "@example.org"));
            step(s, id, "decision", Map.of("outcome", "reject", "reason", "manifestly unfounded"));
            Job retention = jobs.stream().filter(j -> j.name().equals("rights.retire-answered-requests")).findFirst()
                    .orElseThrow();

            clock.advance(Duration.ofDays(3 * 365 - 2));
            retention.run();
            String admin = fixtures.token(s.tenant(), Role.CUSTOMER_ADMIN);
            JsonNode kept = api.get(admin, REQUESTS + "/" + id).json();
            assertThat(kept.get("requester").get("name").asString()).as("within its retention").isEqualTo("Ana Example");

            clock.advance(Duration.ofDays(4));
            retention.run();
            admin = fixtures.token(s.tenant(), Role.CUSTOMER_ADMIN);
            Response retired = api.get(admin, REQUESTS + "/" + id);
            assertThat(retired.status()).as(retired.body()).isEqualTo(200);
            assertThat(retired.json().get("state").asString()).isEqualTo("REJECTED");
            assertThat(absent(retired.json().get("requester"), "name")).isTrue();
            assertThat(absent(retired.json(), "details")).isTrue();
            List<String> notes = new ArrayList<>();
            retired.json().get("history").forEach(h -> notes.add(absent(h, "note") ? null : h.get("note").asString()));
            assertThat(notes).as("the skeleton keeps the steps, not their notes").hasSize(2).containsOnlyNulls();
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'rights.request.retired'"
                    + " AND object_ref LIKE ?", s.tenant().id(), "rights-request:" + id + "%")).isEqualTo(1);
            assertThat(api.get(admin, REQUESTS + "/" + open).json().get("requester").get("name").asString())
                    .as("an open request is never retired").isEqualTo("Ana Example");
            retention.run();
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'rights.request.retired'",
                    s.tenant().id())).as("retired once").isEqualTo(1);
        }

        @Test
        void badInputNamesTheFieldChangesNothingAndAnotherTenantSeesNoRequest() {
            Subject s = subjectWithARecord();
            long before = count("SELECT COUNT(*) FROM rights_requests WHERE tenant_id = ?", s.tenant().id());
            problem(api.post(s.admin(), REQUESTS, Map.of("type", "gossip", "subjectId", s.id())), 400, "invalid-field", "type");
            problem(api.post(s.admin(), REQUESTS, Map.of("type", "access")), 400, "invalid-field", "subjectId");
            problem(api.post(s.admin(), REQUESTS, Map.of("type", "access", "subjectId", s.id(),
                    "receivedAt", clock.instant().plus(Duration.ofDays(1)).toString())), 400, "invalid-field", "receivedAt");
            problem(api.post(s.admin(), REQUESTS, Map.of("type", "access", "requester", Map.of("email", "not-an-address"))),
                    400, "invalid-field", "requester.email");
            problem(api.post(s.admin(), REQUESTS, Map.of("type", "access", "subjectId", s.id(), "channel", "self_service")),
                    400, "invalid-field", "channel");
            assertThat(count("SELECT COUNT(*) FROM rights_requests WHERE tenant_id = ?", s.tenant().id())).isEqualTo(before);

            String id = created(receive(s, "access", Fixtures.unique("fa") + "@example.org"));
            Tenant other = fixtures.tenant();
            String intruder = fixtures.token(other, Role.CUSTOMER_ADMIN);
            problem(api.get(intruder, REQUESTS + "/" + id), 404, "not-found", null);
            problem(api.post(intruder, REQUESTS + "/" + id + "/decision", Map.of("outcome", "reject", "reason", "x")),
                    404, "not-found", null);
            assertThat(api.get(intruder, REQUESTS).json().get("items")).isEmpty();
            String user = fixtures.token(s.tenant(), Role.CUSTOMER_USER);
            assertThat(step(new Subject(s.tenant(), user, s.id(), s.record()), id, "decision",
                    Map.of("outcome", "reject", "reason", "x")).status()).as("users record, admins decide").isEqualTo(403);
            assertThat(api.get(s.admin(), REQUESTS + "/" + id).json().get("state").asString()).isEqualTo("RECEIVED");
        }
    }
}
