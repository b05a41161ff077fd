package dev.steward.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.util.GreenMail;

import dev.steward.identity.Account;
import dev.steward.identity.Totp;
import dev.steward.notices.internal.DeliveryJob;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.BrowserTestBase;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.TestMail;
import dev.steward.tenancy.Tenant;

/**
 * Complaints in headless Chromium (issue 11, RIGHT-6): a complainant sends the tenant's public form
 * without an account; the provider's compliance officer takes it through investigation, a note, a
 * link and the response to its closure in the console, the complainant told by email at each stage;
 * a customer's administrator records a letter and adds a note but does not answer; bad input,
 * unknown pages and a flood from one address change nothing.
 */
class ComplaintBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        @Autowired
        DeliveryJob deliveries;
        @Autowired
        JdbcClient jdbc;

        GreenMail mail;

        @BeforeEach
        void mailbox() throws Exception {
            mail = TestMail.start();
            mail.purgeEmailFromAllMailboxes();
        }

        @Test
        void aComplaintSentOnThePublicFormIsHandledByComplianceInTheConsoleToItsClosure() throws Exception {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.post(admin, "/api/v1/notices/contacts", Map.of("kind", "PRIVACY", "email", "dpo@"
                    + t.slug() + ".example")).status()).isEqualTo(201);
            String email = Fixtures.unique("cleo") + "@example.org";

            browser.go("/privacy/" + t.slug() + "/complaint");
            assertThat(browser.find("#tenant-name").getText()).isEqualTo(t.name());
            assertThat(browser.find("#privacy-contact").getText()).isEqualTo("dpo@" + t.slug() + ".example");
            browser.type("#name", "Cleo Complainer");
            browser.type("#email", email);
            browser.type("#text", "My data was sold to a marketing firm.");
            browser.find("#submit").click();
            browser.await("#received");
            String id = browser.find("#reference").getText();
            String lastDay = browser.find("#due").getText();
            assertThat(mailTo(email)).singleElement().asString().contains("We received your complaint")
                    .contains("by the end of " + lastDay).contains(id).doesNotContain("marketing firm");

            Account officer = fixtures.account(fixtures.provider(), Role.COMPLIANCE);
            submitPassword(fixtures.provider(), officer);
            browser.awaitPath("/mfa/enrol");
            String secret = browser.await("#totp-secret").getText().strip();
            browser.type("#code", Totp.codeAt(secret, Totp.stepAt(Instant.now())));
            browser.find("#confirm-mfa").click();
            browser.awaitText("[role=status]", "Your second factor is enrolled.");
            browser.go("/");
            browser.find("nav a[href='/console/complaints']").click();
            browser.awaitPath("/console/complaints");
            assertThat(browser.find("#complaint-" + id + " .organisation").getText()).isEqualTo(t.name());
            assertThat(browser.find("#complaint-" + id + " .remaining").getText()).matches("\\d+ d \\d+ h");

            browser.find("#complaint-" + id + " a").click();
            browser.await("#investigate-form");
            assertThat(browser.find("#text").getText()).isEqualTo("My data was sold to a marketing firm.");
            assertThat(browser.find("#complainant").getText()).isEqualTo("Cleo Complainer · " + email);
            browser.find("#investigate").click();
            browser.awaitText("#state", "under investigation");
            assertThat(browser.find("#assignee").getText()).contains("account:" + officer.username());

            // a colleague adds a note through the API meanwhile: the form still holds the old version
            String colleague = fixtures.token(fixtures.provider(), Role.COMPLIANCE);
            assertThat(api.post(colleague, "/api/v1/complaints/" + id + "/notes", Map.of("note", "asked the customer"))
                    .status()).isEqualTo(200);
            browser.type("#note-text", "the customer denies selling data");
            browser.find("#note").click();
            assertThat(browser.await("#form-error").getText()).contains("another step was taken on this complaint meanwhile");
            assertThat(browser.status()).isEqualTo(409);
            browser.type("#note-text", "the customer denies selling data");
            browser.find("#note").click();
            browser.awaitText("#history tr:last-child td:last-child", "the customer denies selling data");

            browser.find("#link-kind").sendKeys("incident");
            browser.type("#link-reference", "INC-2026-7");
            browser.find("#link").click();
            browser.awaitText("#links .link", "incident INC-2026-7");
            browser.find("#outcome-choice").sendKeys("partly upheld");
            browser.type("#respond-text", "The firm received your address by mistake; it has deleted it.");
            browser.find("#respond").click();
            browser.awaitText("#state", "responded");
            assertThat(browser.find("#outcome").getText()).isEqualTo("partly upheld");
            assertThat(browser.find("#clock").getText()).startsWith("answered");
            browser.find("#close").click();
            browser.awaitText("#state", "closed");
            assertThat(browser.findAll("#history .step")).extracting(e -> e.getText()).containsExactly("receive",
                    "start investigation", "note", "note", "link", "respond", "close");
            assertThat(browser.findAll("form[id$='-form']")).as("nothing more to do").isEmpty();

            List<String> told = mailTo(email);
            assertThat(told).hasSize(3);
            assertThat(told.get(1)).contains("started to investigate");
            assertThat(told.get(2)).contains("partly upheld").contains("deleted it").contains("supervisory authority");
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void aCustomerAdministratorRecordsALetterAddsANoteButDoesNotAnswerIt() {
            Tenant t = fixtures.tenant();
            signIn(t, fixtures.account(t, Role.CUSTOMER_ADMIN));
            browser.find("nav a[href='/console/complaints']").click();
            browser.awaitPath("/console/complaints");
            assertThat(browser.findAll("#organisation")).as("only provider staff name another organisation").isEmpty();
            browser.find("#channel").sendKeys("post");
            browser.type("#name", "Paul Post");
            browser.find("#record").click();
            assertThat(browser.await("#form-error").getText()).startsWith("text:");
            assertThat(browser.status()).isEqualTo(400);
            assertThat(browser.find("#none").getText()).isEqualTo("No complaints.");

            browser.find("#channel").sendKeys("post");
            browser.type("#name", "Paul Post");
            browser.type("#text", "A letter: you still send me newsletters.");
            browser.find("#record").click();
            browser.await("#reference");
            assertThat(browser.find("#state").getText()).isEqualTo("received");
            assertThat(browser.find("#assignee").getText()).isEqualTo("COMPLIANCE");
            assertThat(browser.findAll("#investigate-form")).isEmpty();
            assertThat(browser.findAll("#withdraw-form")).isEmpty();
            browser.type("#note-text", "we unsubscribed him on 1 December");
            browser.find("#note").click();
            browser.awaitText("#history tr:last-child td:last-child", "we unsubscribed him on 1 December");

            browser.go("/console/complaints");
            assertThat(browser.findAll("#complaints tbody tr")).hasSize(1);
            assertThat(browser.findAll("#complaints .organisation")).isEmpty();
        }

        @Test
        void badInputUnknownPagesAndAFloodFromOneAddressChangeNothing() throws Exception {
            Tenant t = fixtures.tenant();
            clock.advance(Duration.ofHours(2)); // a fresh hour for this source, whatever ran before
            browser.go("/privacy/" + t.slug() + "/complaint");
            browser.type("#email", "ana@example.org");
            browser.script("document.getElementById('text').removeAttribute('required')");
            browser.find("#submit").click();
            assertThat(browser.await("#form-error").getText()).startsWith("text:");
            assertThat(browser.status()).isEqualTo(400);
            assertThat(browser.find("#email").getAttribute("value")).as("what was typed is kept").isEqualTo("ana@example.org");
            assertThat(complaintCount(t)).isZero();

            browser.go("/privacy/no-such-" + t.slug() + "/complaint");
            assertThat(browser.status()).isEqualTo(404);
            assertThat(browser.find("#unknown").getText()).contains("no privacy page");
            browser.go("/privacy/provider/complaint");
            assertThat(browser.status()).as("the provider has no public form").isEqualTo(404);

            String email = Fixtures.unique("dee") + "@example.org";
            for (int i = 0; i < 5; i++) {
                submit(t, email, "complaint " + i);
                browser.await("#received");
            }
            assertThat(mailTo(email)).as("at most 3 receipts a day to one address").hasSize(3);
            submit(t, Fixtures.unique("eve") + "@example.org", "one more");
            assertThat(browser.await("#form-error").getText()).contains("too many complaints");
            assertThat(browser.status()).isEqualTo(429);
            assertThat(browser.findAll("#submit")).as("the form stays, to send later").hasSize(1);
            assertThat(complaintCount(t)).as("every complaint within the limit is received").isEqualTo(5);
        }

        private void submit(Tenant t, String email, String text) {
            browser.go("/privacy/" + t.slug() + "/complaint");
            browser.type("#email", email);
            browser.type("#text", text);
            browser.find("#submit").click();
        }

        private List<String> mailTo(String address) throws Exception {
            deliveries.run();
            return TestMail.bodiesTo(mail, address);
        }

        private long complaintCount(Tenant t) {
            return TenantScope.call(DataScope.wholeProvider(), () -> jdbc
                    .sql("SELECT COUNT(*) FROM complaints WHERE tenant_id = ?").params(t.id()).query(Long.class).single());
        }
    }
}
