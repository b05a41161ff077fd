package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.Role;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.BrowserTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The console's rights pages in headless Chromium: customer staff record a request received by
 * letter, take it through identity, a clarification (its clock paused) and approval to its
 * fulfilment, and see the most urgent request first; a user records but does not decide.
 */
class RightsConsoleBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        @Test
        void anAdministratorRecordsALetterAndTakesTheRequestThroughClarificationToItsFulfilment() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String subject = Fixtures.unique("s");
            assertThat(api.post(admin, "/api/v1/subjects/" + subject + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("note", "x"))).status()).isEqualTo(201);
            String older = api.post(admin, "/api/v1/rights/requests", Map.of("type", "access", "subjectId",
                    Fixtures.unique("o"), "receivedAt", clock.instant().minusSeconds(20 * 86400).toString()))
                    .json().get("id").asString();
            signIn(t, fixtures.account(t, Role.CUSTOMER_ADMIN));

            browser.find("nav a[href='/console/rights']").click();
            browser.awaitPath("/console/rights");
            browser.find("#type").sendKeys("Restriction");
            browser.find("#channel").sendKeys("letter");
            browser.type("#name", "Ana Example");
            browser.type("#details", "stop using my data while you check it");
            browser.find("#record").click();
            browser.await("#reference");
            String id = browser.find("#reference").getText();
            assertThat(browser.find("#state").getText()).isEqualTo("received");
            assertThat(browser.find("#subject").getText()).isEqualTo("not identified yet");

            browser.go("/console/rights");
            assertThat(browser.findAll("#requests tbody tr").getFirst().getAttribute("id"))
                    .as("the request received 20 days ago is the most urgent").isEqualTo("request-" + older);
            assertThat(browser.find("#request-" + id + " .remaining").getText()).matches("\\d+ d \\d+ h");

            browser.find("#request-" + id + " a").click();
            browser.await("#verify-form");
            browser.type("#verify-subject", subject);
            browser.find("#verify").click();
            browser.awaitText("#state", "verified");
            browser.type("#clarify-text", "Which data do you think is wrong?");
            browser.find("#ask-clarification").click();
            browser.awaitText("#state", "awaiting clarification");
            assertThat(browser.find("#clock").getText()).startsWith("paused");
            assertThat(browser.findAll("#approve")).as("no approval while waiting for the requester").isEmpty();
            browser.type("#clarified-text", "my address");
            browser.find("#clarified").click();
            browser.awaitText("#state", "verified");
            browser.find("#approve").click();
            browser.awaitText("#state", "fulfilled");
            assertThat(browser.find("#outcome").getText()).isNotEqualTo("—");
            assertThat(browser.findAll("#history .step")).extracting(e -> e.getText()).containsExactly("receive",
                    "verify identity", "ask for clarification", "clarified", "approve", "fulfil");
            assertThat(api.get(admin, "/api/v1/subjects/" + subject + "/processing-flags").json().get("restricted")
                    .asBoolean()).as("the restriction is in force").isTrue();
            browser.find("#close").click();
            browser.awaitText("#state", "closed");
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void anAdministratorApprovesARectificationWithItsCorrectionAndTheRecordKeepsItsHistory() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String subject = Fixtures.unique("s");
            var created = api.post(admin, "/api/v1/subjects/" + subject + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("address", "Old Street 1")));
            assertThat(created.status()).isEqualTo(201);
            String record = created.json().get("id").asString();
            String id = api.post(admin, "/api/v1/rights/requests", Map.of("type", "rectification", "subjectId",
                    subject)).json().get("id").asString();
            assertThat(api.post(admin, "/api/v1/rights/requests/" + id + "/identity", Map.of()).status()).isEqualTo(200);
            signIn(t, fixtures.account(t, Role.CUSTOMER_ADMIN));

            browser.go("/console/rights/" + id);
            browser.type("#record-approve-1", record);
            browser.find("#approve").click();
            assertThat(browser.await("#form-error").getText()).startsWith("corrections[0].document:");
            assertThat(browser.status()).isEqualTo(400);
            assertThat(browser.find("#state").getText()).as("nothing decided").isEqualTo("verified");

            browser.type("#record-approve-1", record);
            browser.type("#document-approve-1", "{\"address\": \"New Street 2\"}");
            browser.find("#approve").click();
            browser.awaitText("#state", "fulfilled");
            assertThat(browser.find("#outcome").getText()).isEqualTo("rectified: 1 records corrected");

            var versions = api.get(admin, "/api/v1/records/" + record + "/versions?purpose=contract").json();
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).get("document").get("address").asString()).isEqualTo("Old Street 1");
            assertThat(versions.get(1).get("document").get("address").asString()).isEqualTo("New Street 2");
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void aUserRecordsARequestButHasNoDecisionFormsAndBadInputNamesTheField() {
            Tenant t = fixtures.tenant();
            signIn(t, fixtures.account(t, Role.CUSTOMER_USER));
            browser.go("/console/rights");
            browser.type("#email", "not an address");
            browser.find("#record").click();
            assertThat(browser.await("#form-error").getText()).startsWith("requester.email:");
            assertThat(browser.status()).isEqualTo(400);
            assertThat(browser.find("#none").getText()).isEqualTo("No requests.");

            browser.type("#subjectId", Fixtures.unique("s"));
            browser.find("#record").click();
            browser.await("#reference");
            assertThat(browser.find("#state").getText()).isEqualTo("received");
            assertThat(browser.findAll("#verify-form")).isEmpty();
            assertThat(browser.findAll("#reject-form")).isEmpty();
        }
    }
}
