package dev.steward.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import dev.steward.identity.Account;
import dev.steward.tenancy.Tenant;

/**
 * A console test in headless Chromium: a browser opened for each test, its last page saved as a
 * screenshot named after the test (target/screenshots) whatever the outcome, and the sign-in steps.
 */
public abstract class BrowserTestBase extends IntegrationTestBase {

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(port);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        try {
            browser.screenshot(test.getTestMethod().orElseThrow().getName());
        } finally {
            browser.close();
        }
    }

    /** Submits the password form; a provider account goes on to its second factor. */
    protected void submitPassword(Tenant tenant, Account account) {
        browser.go("/login");
        browser.type("#organisation", tenant.slug());
        browser.type("#username", account.username());
        browser.type("#password", Fixtures.PASSWORD);
        browser.find("#sign-in").click();
    }

    /** Signs a customer account in (no second factor required) and waits for the console. */
    protected void signIn(Tenant tenant, Account account) {
        submitPassword(tenant, account);
        browser.awaitText("#who", account.username());
    }
}
