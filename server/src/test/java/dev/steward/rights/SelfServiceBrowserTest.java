package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import dev.steward.support.BrowserTestBase;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.TestMail;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's public privacy page in headless Chromium (issue 11): a data subject submits a
 * request without an account, proves the address by the link GreenMail receives, follows the
 * request to its answer on the status page, and sees nothing of anyone else's.
 */
class SelfServiceBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        static final Pattern CONFIRM = Pattern.compile("https://[^/\\s]+(/privacy/[^/\\s]+/confirm/[A-Za-z0-9_-]+)");
        static final Pattern STATUS = Pattern.compile("https://[^/\\s]+(/privacy/[^/\\s]+/requests/[A-Za-z0-9_-]+)");

        @Autowired
        DeliveryJob deliveries;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        List<Job> jobs;

        GreenMail mail;

        @BeforeEach
        void mailbox() throws Exception {
            mail = TestMail.start();
            mail.purgeEmailFromAllMailboxes();
        }

        @Test
        void aSubjectAsksForErasureProvesTheAddressAndFollowsTheRequestToItsReceipt() throws Exception {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.post(admin, "/api/v1/notices/contacts", Map.of("kind", "PRIVACY", "email", "dpo@"
                    + t.slug() + ".example")).status()).isEqualTo(201);
            String subject = Fixtures.unique("s");
            assertThat(api.post(admin, "/api/v1/subjects/" + subject + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("note", "kept for the contract"))).status()).isEqualTo(201);
            String email = Fixtures.unique("ana") + "@example.org";

            browser.go("/privacy/" + t.slug());
            assertThat(browser.find("#tenant-name").getText()).isEqualTo(t.name());
            assertThat(browser.find("#privacy-contact").getText()).isEqualTo("dpo@" + t.slug() + ".example");
            assertThat(browser.find("#complaint-link").getAttribute("href")).endsWith("/privacy/" + t.slug() + "/complaint");
            browser.find("#type-erasure").click();
            browser.type("#name", "Ana Example");
            browser.type("#email", email);
            browser.type("#details", "customer number " + subject);
            browser.find("#submit").click();
            assertThat(browser.await("#sent").getText()).contains(email);
            assertThat(requestCount(t)).as("nothing is received before the address is proven").isZero();

            String confirm = link(CONFIRM, mailTo(email).getFirst());
            browser.go(confirm);
            browser.find("#confirm").click();
            browser.await("#reference");
            String id = browser.find("#reference").getText();
            Response received = api.get(admin, "/api/v1/rights/requests/" + id);
            assertThat(received.status()).as(received.body()).isEqualTo(200);
            assertThat(received.json().get("channel").asString()).isEqualTo("SELF_SERVICE");
            assertThat(received.json().get("type").asString()).isEqualTo("ERASURE");
            assertThat(received.json().get("requester").get("email").asString()).isEqualTo(email);
            assertThat(received.json().get("details").asString()).isEqualTo("customer number " + subject);

            browser.go(confirm);
            assertThat(browser.find("#invalid").getText()).contains("was used already");
            assertThat(browser.findAll("#confirm")).as("a spent link confirms nothing").isEmpty();
            assertThat(requestCount(t)).isEqualTo(1);

            List<String> told = mailTo(email);
            String receipt = told.stream().filter(b -> b.contains("We received your erasure request")).findFirst()
                    .orElseThrow();
            String status = link(STATUS, receipt);
            browser.go(status);
            assertThat(browser.find("#request-" + id + " .state").getText()).isEqualTo("received");

            assertThat(api.post(admin, "/api/v1/rights/requests/" + id + "/identity", Map.of("subjectId", subject))
                    .status()).isEqualTo(200);
            Response done = api.post(admin, "/api/v1/rights/requests/" + id + "/decision", Map.of("outcome", "approve"));
            assertThat(done.json().get("state").asString()).as(done.body()).isEqualTo("FULFILLED");
            browser.go(status);
            assertThat(browser.find("#request-" + id + " .state").getText()).isEqualTo("fulfilled");
            assertThat(browser.find("#request-" + id).getText()).contains("erased: key destroyed");
            assertThat(mailTo(email).stream().anyMatch(b -> b.contains("Deletion receipt"))).isTrue();
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void theStatusPageShowsOnlyTheRequestsOfTheProvenAddressAndASecondOneOfATypeIsNotOpened() throws Exception {
            Tenant t = fixtures.tenant();
            String ana = Fixtures.unique("ana") + "@example.org";
            String bo = Fixtures.unique("bo") + "@example.org";
            String anaAccess = submitAndConfirm(t, "access", ana);
            String boAccess = submitAndConfirm(t, "access", bo);
            assertThat(anaAccess).isNotEqualTo(boAccess);
            String anaAgain = submitAndConfirm(t, "access", ana);
            assertThat(anaAgain).as("the open request is the one").isEqualTo(anaAccess);
            assertThat(browser.find("#confirmed").getText()).contains("It is being handled");
            String anaRestriction = submitAndConfirm(t, "restriction", ana);

            browser.find("#status-link").click();
            browser.await("#own-requests");
            assertThat(browser.findAll("#own-requests tbody tr")).hasSize(2);
            assertThat(browser.findAll("#request-" + anaAccess)).hasSize(1);
            assertThat(browser.findAll("#request-" + anaRestriction)).hasSize(1);
            assertThat(browser.findAll("#request-" + boAccess)).as("another requester's request").isEmpty();
            assertThat(requestCount(t)).isEqualTo(3);

            Tenant other = fixtures.tenant();
            String statusPath = browser.path();
            browser.go(statusPath.replace("/privacy/" + t.slug() + "/", "/privacy/" + other.slug() + "/"));
            assertThat(browser.status()).as("a status link is good only on its own tenant's page").isEqualTo(410);
            assertThat(browser.findAll("#own-requests")).isEmpty();
            String cy = Fixtures.unique("cy") + "@example.org";
            submit(t, "erasure", cy);
            String confirm = link(CONFIRM, mailTo(cy).getFirst());
            browser.go(confirm.replace("/privacy/" + t.slug() + "/", "/privacy/" + other.slug() + "/"));
            assertThat(browser.status()).isEqualTo(410);
            assertThat(browser.findAll("#confirm")).isEmpty();
            assertThat(requestCount(other)).isZero();
            assertThat(requestCount(t)).isEqualTo(3);
        }

        @Test
        void theRequesterAnswersAQuestionOnTheStatusPageAndTheClockRunsAgain() throws Exception {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String ana = Fixtures.unique("ana") + "@example.org";
            String id = submitAndConfirm(t, "rectification", ana);
            String status = java.net.URI.create(browser.find("#status-link").getAttribute("href")).getPath();
            assertThat(api.post(admin, "/api/v1/rights/requests/" + id + "/identity", Map.of("subjectId",
                    Fixtures.unique("s"))).status()).isEqualTo(200);
            Response asked = api.post(admin, "/api/v1/rights/requests/" + id + "/decision", Map.of("outcome", "clarify",
                    "reason", "Which of your details is wrong?"));
            assertThat(asked.json().get("clock").get("state").asString()).as(asked.body()).isEqualTo("PAUSED");
            assertThat(mailTo(ana).stream().anyMatch(b -> b.contains("Which of your details is wrong?"))).isTrue();

            browser.go(status);
            assertThat(browser.find("#request-" + id + " .state").getText()).isEqualTo("awaiting clarification (waiting for you)");
            browser.type("#answer-" + id, "my postal address");
            browser.find("#send-answer-" + id).click();
            assertThat(browser.await("#form-done").getText()).contains("your answer was sent");
            assertThat(browser.find("#request-" + id + " .state").getText()).isEqualTo("verified");
            assertThat(browser.findAll("#clarify-" + id)).isEmpty();

            JsonNode after = api.get(admin, "/api/v1/rights/requests/" + id).json();
            assertThat(after.get("clock").get("state").asString()).isEqualTo("RUNNING");
            JsonNode last = after.get("history").get(after.get("history").size() - 1);
            assertThat(last.get("step").asString()).isEqualTo("CLARIFIED");
            assertThat(last.get("note").asString()).isEqualTo("my postal address");
            assertThat(last.get("actor").asString()).isEqualTo(RightsRequests.SELF_SERVICE_ACTOR);
        }

        @Test
        void badInputUnknownPagesAndExpiredLinksChangeNothing() throws Exception {
            Tenant t = fixtures.tenant();
            browser.go("/privacy/" + t.slug());
            browser.find("#type-access").click();
            browser.type("#email", "not an address");
            browser.script("document.getElementById('email').type = 'text'");
            browser.find("#submit").click();
            assertThat(browser.await("#form-error").getText()).startsWith("email:");
            assertThat(browser.status()).isEqualTo(400);
            assertThat(submissionCount(t)).isZero();

            browser.go("/privacy/no-such-" + t.slug());
            assertThat(browser.status()).isEqualTo(404);
            assertThat(browser.find("#unknown").getText()).contains("no privacy page");
            browser.go("/privacy/provider");
            assertThat(browser.status()).as("the provider has no privacy page of this kind").isEqualTo(404);

            String email = Fixtures.unique("cy") + "@example.org";
            submit(t, "portability", email);
            String confirm = link(CONFIRM, mailTo(email).getFirst());
            clock.advance(Duration.ofHours(25));
            browser.go(confirm);
            assertThat(browser.status()).isEqualTo(410);
            assertThat(browser.findAll("#confirm")).isEmpty();
            jobs.stream().filter(j -> j.name().equals("rights.forget-unconfirmed-submissions")).findFirst()
                    .orElseThrow().run();
            assertThat(submissionCount(t)).as("the unfollowed form is forgotten").isZero();
            assertThat(requestCount(t)).isZero();
        }

        @Test
        void oneSourceIsLimitedToAFewFormsAnHourAndOneAddressToAFewUnfollowedLinks() throws Exception {
            Tenant t = fixtures.tenant();
            clock.advance(Duration.ofHours(2)); // a fresh hour for this source, whatever ran before
            String email = Fixtures.unique("dee") + "@example.org";
            for (int i = 0; i < 3; i++) {
                submit(t, "access", email);
            }
            submit(t, "access", Fixtures.unique("eve") + "@example.org");
            submit(t, "access", Fixtures.unique("eve") + "@example.org");
            assertThat(mailTo(email)).as("at most 3 unfollowed links a day to one address").hasSize(3);
            assertThat(submissionCount(t)).isEqualTo(5);

            browser.go("/privacy/" + t.slug());
            browser.find("#type-access").click();
            browser.type("#email", Fixtures.unique("fay") + "@example.org");
            browser.find("#submit").click();
            assertThat(browser.await("#form-error").getText()).contains("too many requests");
            assertThat(browser.status()).isEqualTo(429);
            assertThat(submissionCount(t)).isEqualTo(5);
        }

        private String submitAndConfirm(Tenant t, String type, String email) throws Exception {
            int before = mailTo(email).size();
            submit(t, type, email);
            List<String> all = mailTo(email);
            browser.go(link(CONFIRM, all.get(before)));
            browser.find("#confirm").click();
            browser.await("#reference");
            return browser.find("#reference").getText();
        }

        private void submit(Tenant t, String type, String email) {
            browser.go("/privacy/" + t.slug());
            browser.find("#type-" + type).click();
            browser.type("#email", email);
            browser.find("#submit").click();
            browser.await("#sent");
        }

        private List<String> mailTo(String address) throws Exception {
            deliveries.run();
            return TestMail.bodiesTo(address);
        }

        private static String link(Pattern p, String body) {
            Matcher m = p.matcher(body);
            assertThat(m.find()).as(body).isTrue();
            return m.group(1);
        }

        private long requestCount(Tenant t) {
            return count("SELECT COUNT(*) FROM rights_requests WHERE tenant_id = ?", t);
        }

        private long submissionCount(Tenant t) {
            return count("SELECT COUNT(*) FROM rights_submissions WHERE tenant_id = ?", t);
        }

        private long count(String sql, Tenant t) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(t.id()).query(Long.class).single());
        }
    }
}
