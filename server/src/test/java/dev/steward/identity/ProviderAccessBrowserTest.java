package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.BrowserTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Onboarding as the new customer administrator meets it, in headless Chromium: the operator's
 * one-time link, their own password and second factor, then the inbox and the provider-access
 * page that tell them what the provider did. Storage is covered by ProviderAccessIntegrationTest.
 */
class ProviderAccessBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        @Test
        void theInvitedAdministratorSetsTheirOwnCredentialsAndSeesWhatTheProviderDid() {
            Tenant customer = fixtures.tenant();
            String username = Fixtures.unique("first-admin");
            var issued = api.post(fixtures.operatorToken(), "/api/v1/tenants/" + customer.id() + "/invitations",
                    Map.of("username", username, "displayName", "First Admin", "role", "CUSTOMER_ADMIN"));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            String link = issued.json().get("link").asString();
            String password = "a password only I know";

            browser.go(link);
            browser.awaitText("#invite-username", username);
            assertThat(browser.find("#invite-organisation").getText()).isEqualTo(customer.slug());
            String secret = browser.find("#totp-secret").getText().strip();
            assertThat(secret).matches("[A-Z2-7]{32}");
            browser.type("#password", password);
            browser.type("#repeatPassword", password);
            long step = Totp.stepAt(clock.instant());
            browser.type("#code", Totp.codeAt(secret, step));
            browser.find("#accept-invitation").click();
            browser.await("#invite-done");
            assertThat(browser.find("#done-organisation").getText()).isEqualTo(customer.slug());

            // the link served once
            browser.go(link);
            browser.await("#invite-invalid");
            assertThat(browser.status()).isEqualTo(404);

            // they sign in with their own password and their second factor
            browser.go("/login");
            browser.type("#organisation", customer.slug());
            browser.type("#username", username);
            browser.type("#password", password);
            browser.find("#sign-in").click();
            browser.awaitPath("/login/mfa");
            browser.type("#code", Totp.codeAt(secret, Math.max(step + 1, Totp.stepAt(clock.instant()))));
            browser.find("#verify").click();
            browser.awaitText("#who", username);

            // the inbox tells them of the invitation and of their account's creation
            browser.find("a[href='/console/inbox']").click();
            browser.awaitText("#unread-count", "2 unread");
            assertThat(browser.findAll("#inbox-table .notice-subject")).extracting(e -> e.getText())
                    .anyMatch(s -> s.equals("Provider invited " + username + " as CUSTOMER_ADMIN"));
            browser.find(".mark-read").click();
            browser.awaitText("#unread-count", "1 unread");

            // and the provider-access page lists the provider's act
            browser.find("a[href='/console/provider-access']").click();
            browser.await("#provider-access-table");
            assertThat(browser.findAll("#provider-access-table .access-action")).extracting(e -> e.getText())
                    .contains("invitation.issued");
            assertThat(browser.cspViolations()).isEmpty();
        }
    }
}
