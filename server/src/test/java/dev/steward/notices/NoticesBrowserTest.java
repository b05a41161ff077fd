package dev.steward.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.identity.Account;
import dev.steward.notices.internal.DeliveryJob;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.Browser;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.support.TestMail;
import dev.steward.tenancy.Tenant;

/**
 * The notices page as a customer administrator sees it, in headless Chromium: a contact added (and a
 * bad address refused, naming the field), a webhook endpoint added with its secret shown once and
 * verified against a real listener, and the deliveries of a notice as the worker leaves them.
 * Storage is covered by the integration tests, so this runs on H2 only.
 */
class NoticesBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        Notices notices;
        @Autowired
        DeliveryJob deliveryJob;
        @Autowired
        TransactionTemplate tx;

        Browser browser;
        WebhookReceiver receiver;

        @BeforeEach
        void open() throws Exception {
            TestMail.start().purgeEmailFromAllMailboxes();
            receiver = new WebhookReceiver();
            browser = Browser.open(port);
        }

        @AfterEach
        void close(TestInfo test) {
            try {
                browser.screenshot(test.getTestMethod().orElseThrow().getName());
            } finally {
                browser.close();
                receiver.close();
            }
        }

        @Test
        void anAdministratorNamesContactsAddsAndVerifiesAWebhookAndSeesEachDelivery() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            browser.go("/login");
            browser.type("#organisation", t.slug());
            browser.type("#username", admin.username());
            browser.type("#password", Fixtures.PASSWORD);
            browser.find("#sign-in").click();
            browser.awaitText("#who", admin.username());

            browser.go("/console/notices");
            browser.type("#email", "not an address");
            browser.find("#add-contact").click();
            assertThat(browser.await("#form-error").getText()).startsWith("email:");
            assertThat(browser.findAll("#contact-table tbody tr")).isEmpty();

            browser.type("#email", "security@customer.example");
            browser.find("#add-contact").click();
            browser.awaitText(".contact-email", "security@customer.example");

            browser.type("#url", receiver.url());
            browser.find("#add-webhook").click();
            assertThat(browser.await("#webhook-secret").getText()).startsWith("whsec_");
            browser.awaitText(".webhook-verified", "not verified");
            browser.find(".verify-webhook").click();
            assertThat(browser.await("#form-done").getText()).startsWith("Endpoint verified");
            browser.go("/console/notices");
            assertThat(browser.findAll("#webhook-secret")).as("the secret was shown once").isEmpty();
            assertThat(browser.find(".webhook-verified").getText()).isNotEqualTo("not verified");

            TenantScope.run(DataScope.tenant(t.id()), () -> tx.executeWithoutResult(s -> notices.notify(new NoticeRequest(
                    t.id(), Topic.SECURITY, Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.SECURITY),
                    "Suspicious sign-ins", "Three failed sign-ins from one address."))));
            deliveryJob.run();
            browser.go("/console/notices");
            assertThat(browser.findAll("#delivery-table tbody tr")).hasSize(3)
                    .allSatisfy(row -> assertThat(row.findElement(org.openqa.selenium.By.cssSelector(".delivery-state"))
                            .getText()).isEqualTo("DELIVERED"));
            assertThat(browser.findAll(".delivery-channel").stream().map(WebElement::getText))
                    .containsExactlyInAnyOrder("INBOX", "EMAIL", "WEBHOOK");
            assertThat(browser.cspViolations()).isEmpty();
        }
    }
}
