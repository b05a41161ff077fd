package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.Account;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteVerifier;
import dev.steward.platform.Role;
import dev.steward.support.Db;
import dev.steward.support.BrowserTestBase;
import dev.steward.tenancy.Tenant;

/** The "System log" console page in headless Chromium, under the strict Content-Security-Policy. H2 only. */
class EvidenceBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        @Test
        void customerAdminSeesItsOwnSignInAndGetsABundleLinkOnce() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            signIn(t, admin);

            browser.find("nav a[href='/console/logs']").click();
            browser.awaitPath("/console/logs");
            assertThat(browser.title()).isEqualTo("System log · Steward");
            WebElement signIn = browser.findAll("#log-table tbody tr").stream()
                    .filter(r -> r.getText().contains("auth.signin.succeeded")).findFirst().orElseThrow();
            assertThat(signIn.getText()).contains("account", "CUSTOMER_ADMIN", admin.username(), "success");
            assertThat(browser.findAll("#log-table th[scope=col]")).hasSize(7);
            assertThat(browser.find("#log-table caption").getText()).startsWith("Log entries");
            assertThat(browser.find("label[for=from]").getText()).contains("From");

            browser.type("#action", "auth.signin.succeeded");
            browser.find("#apply-filter").click();
            browser.awaitPath("/console/logs?");
            assertThat(browser.findAll("#log-table tbody tr")).allMatch(r -> r.getText().contains("auth.signin.succeeded"));

            browser.setDate("#bundle-from", "2000-01-01T00:00:00");
            browser.setDate("#bundle-to", "2100-01-01T00:00:00");
            browser.find("#bundle-action").clear();
            browser.find("#request-bundle").click();
            WebElement link = browser.await("#bundle-link");
            assertThat(link.getAttribute("href")).contains("/console/logs/bundles/").contains("/download?token=");
            assertThat(browser.find("#bundle-table tbody").getText()).contains("READY");

            browser.go("/console/logs");
            assertThat(browser.findAll("#bundle-link")).as("the link is shown once").isEmpty();
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void theLogPageShowsThePublishedKeyAndOffersTheLatestCheckpointToKeep() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            signIn(t, admin);
            browser.go("/console/logs");

            String published = api.get(null, "/.well-known/steward/logs/" + t.id() + "/vkey").body().strip();
            assertThat(browser.find("#log-vkey").getText()).isEqualTo(published);
            assertThat(browser.find("#published-vkey").getAttribute("href"))
                    .endsWith("/.well-known/steward/logs/" + t.id() + "/vkey");
            assertThat(browser.find("#download-checkpoint").getAttribute("href")).endsWith("/console/logs/checkpoint");
            String checkpoint = (String) browser.script(
                    "return fetch('/console/logs/checkpoint', {credentials: 'same-origin'}).then(r => r.text());");
            Checkpoint cp = Checkpoint.open(checkpoint.getBytes(StandardCharsets.UTF_8), NoteVerifier.fromVkey(published));
            assertThat(cp.origin()).isEqualTo(browser.find("#log-origin").getText());
            assertThat(browser.cspViolations()).isEmpty();
        }
    }
}
