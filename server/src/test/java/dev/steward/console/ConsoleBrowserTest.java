package dev.steward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.Account;
import dev.steward.identity.Totp;
import dev.steward.platform.Role;
import dev.steward.support.Browser;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.BrowserTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The console as a person sees it, in headless Chromium: sign-in with the second factor,
 * the tenant and account pages, htmx under the strict Content-Security-Policy, refusals and
 * lock-out. Storage is covered by the integration tests, so this runs on H2 only.
 */
class ConsoleBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        private static final String FAILED = "Sign-in failed. Check organisation, username and password; "
                + "repeated failures lock the account for a while.";

        /** Enters organisation, username and password on the sign-in page and submits them. */
        private void submitPassword(String organisation, String username, String password) {
            browser.go("/login");
            browser.type("#organisation", organisation);
            browser.type("#username", username);
            browser.type("#password", password);
            browser.find("#sign-in").click();
        }

        private void signOut() {
            browser.find("form.signout button[type=submit]").click();
            browser.awaitPath("/login?signedOut");
        }

        /**
         * Signs a fresh operator in, goes through the mandatory enrolment with a computed code and
         * returns the TOTP secret and the step whose code was spent.
         */
        private Enrolled enrolOperator(Account operator) {
            submitPassword(fixtures.provider().slug(), operator.username(), Fixtures.PASSWORD);
            browser.awaitPath("/mfa/enrol");
            WebElement qr = browser.await("#qr");
            assertThat(browser.script("return arguments[0].complete && arguments[0].naturalWidth;", qr))
                    .as("the QR code image decoded").isEqualTo(240L);
            String secret = browser.find("#totp-secret").getText().strip();
            assertThat(secret).matches("[A-Z2-7]{32}");
            long step = Totp.stepAt(Instant.now());
            browser.type("#code", Totp.codeAt(secret, step));
            browser.find("#confirm-mfa").click();
            browser.awaitText("[role=status]", "Your second factor is enrolled.");
            return new Enrolled(secret, step);
        }

        /** Six digits that no step near now produces. */
        private static String wrongCode(String secret) {
            long now = Totp.stepAt(Instant.now());
            for (int i = 0;; i++) {
                String candidate = String.format("%06d", i);
                boolean near = false;
                for (long step = now - 2; step <= now + 2; step++) {
                    near |= Totp.codeAt(secret, step).equals(candidate);
                }
                if (!near) {
                    return candidate;
                }
            }
        }

        record Enrolled(String secret, long usedStep) {
            /** A code of a step not used yet that the server still accepts (one step of skew is allowed). */
            String nextCode() {
                return Totp.codeAt(secret, Math.max(usedStep + 1, Totp.stepAt(Instant.now())));
            }
        }

        private void signInWithSecondFactor(Account operator, Enrolled enrolled) {
            submitPassword(fixtures.provider().slug(), operator.username(), Fixtures.PASSWORD);
            browser.awaitPath("/login/mfa");
            browser.type("#code", enrolled.nextCode());
            browser.find("#verify").click();
            browser.awaitText("#who", operator.username());
        }

        @Test
        void operatorMustEnrolTotpThenSignsInWithItAndCreatesATenant() {
            Account operator = fixtures.account(fixtures.provider(), Role.OPERATOR);

            submitPassword("provider", operator.username(), Fixtures.PASSWORD);
            browser.awaitPath("/mfa/enrol");
            browser.await("#qr");
            assertThat(browser.find("[role=status]").getText()).contains("Your role requires a second factor");
            browser.screenshot("operatorMustEnrolTotp-enrol");
            for (String page : new String[] { "/", "/console/tenants", "/console/accounts" }) {
                browser.go(page);
                assertThat(browser.status()).as(page + " before enrolment").isEqualTo(403);
                assertThat(browser.findAll("#tenant-table, #account-table, #who")).as(page).isEmpty();
            }
            // the enrolment started above is still the one to finish
            browser.go("/mfa/enrol");
            String secret = browser.await("#totp-secret").getText().strip();
            browser.type("#code", wrongCode(secret));
            browser.find("#confirm-mfa").click();
            browser.awaitText("[role=alert]", "That code is not valid. Scan the QR code again and enter the current code.");
            assertThat(browser.status()).isEqualTo(400);
            browser.go("/");
            assertThat(browser.status()).as("a wrong code enrols nothing").isEqualTo(403);

            browser.go("/mfa/enrol");
            assertThat(browser.await("#totp-secret").getText().strip()).isEqualTo(secret);
            long step = Totp.stepAt(Instant.now());
            browser.type("#code", Totp.codeAt(secret, step));
            browser.find("#confirm-mfa").click();
            browser.awaitText("[role=status]", "Your second factor is enrolled.");
            assertThat(browser.find("#who").getText()).isEqualTo(operator.username());
            Enrolled enrolled = new Enrolled(secret, step);

            signOut();
            browser.go("/");
            browser.awaitPath("/login");
            assertThat(browser.findAll("#who")).isEmpty();

            submitPassword("provider", operator.username(), Fixtures.PASSWORD);
            browser.awaitPath("/login/mfa");
            browser.type("#code", Totp.codeAt(secret, step));
            browser.find("#verify").click();
            browser.awaitText("[role=alert]", "That code is not valid. Enter the current 6-digit code from your app.");
            assertThat(browser.path()).as("a spent code is not accepted twice").startsWith("/login/mfa");
            browser.type("#code", enrolled.nextCode());
            browser.find("#verify").click();
            browser.awaitText("#who", operator.username());
            assertThat(browser.find("#role").getText()).isEqualTo("OPERATOR");

            browser.find("nav a[href='/console/tenants']").click();
            browser.await("#tenant-form");
            String slug = Fixtures.unique("browser");
            browser.type("#slug", slug);
            browser.type("#name", "Browser Test d.o.o.");
            browser.setDate("#contractStart", "2027-01-01");
            browser.setDate("#contractEnd", "2029-12-31");
            browser.type("#incidentNoticeHours", "48");
            browser.type("#storageCountries", "SI, DE");
            browser.find("#create-tenant").click();

            browser.await("#created");
            assertThat(browser.find("#created").getText()).isEqualTo("Tenant created.");
            assertThat(browser.find("h1").getText()).isEqualTo("Browser Test d.o.o.");
            assertThat(browser.find("#tenant-slug").getText()).isEqualTo(slug);
            assertThat(browser.find("#tenant-state").getText()).isEqualTo("ACTIVE");

            browser.find("nav a[href='/console/tenants']").click();
            browser.await("#tenant-table");
            WebElement row = browser.findAll("#tenant-table tbody tr").stream()
                    .filter(r -> r.getText().contains(slug)).findFirst().orElseThrow();
            assertThat(row.getText()).contains("Browser Test d.o.o.", "ACTIVE", "2027-01-01 – 2029-12-31", "48",
                    "SI, DE");
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void customerAdminCreatesAnAccountAndDisablesItInPlaceWithHtmx() {
            Tenant tenant = fixtures.tenant();
            Account admin = fixtures.account(tenant, Role.CUSTOMER_ADMIN);
            signIn(tenant, admin);
            assertThat(browser.path()).as("no second factor asked of customer roles").isEqualTo("/");

            browser.find("nav a[href='/console/accounts']").click();
            browser.await("#account-form");
            String username = Fixtures.unique("clerk");
            browser.type("#username", username);
            browser.type("#displayName", "Clerk Kent");
            new org.openqa.selenium.support.ui.Select(browser.find("#role")).selectByValue("CUSTOMER_USER");
            browser.type("#password", "a long enough password");
            browser.find("#create-account").click();

            browser.awaitText("#created", "Account " + username + " created.");
            String row = "#account-" + username;
            assertThat(browser.find(row).getText()).contains("Clerk Kent", "CUSTOMER_USER", "none", "active");

            browser.script("window.stewardMarker = 'same page';");
            WebElement button = browser.find(row + " button");
            assertThat(button.getText()).isEqualTo("Disable");
            button.click();
            browser.awaitText(row + " td:nth-child(5)", "disabled");
            assertThat(browser.find(row + " button").getText()).isEqualTo("Enable");
            assertThat(browser.script("return window.stewardMarker;")).as("swapped by htmx, no page load")
                    .isEqualTo("same page");

            browser.go("/console/accounts");
            assertThat(browser.await(row + " td:nth-child(5)").getText()).as("stored, not only shown").isEqualTo("disabled");
            assertThat(browser.findAll("#account-" + admin.username() + " button")).as("no button to disable oneself")
                    .isEmpty();
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void customerUserIsRefusedTheTenantAndAccountPagesAndIsNotOfferedThem() {
            Tenant tenant = fixtures.tenant();
            Account user = fixtures.account(tenant, Role.CUSTOMER_USER);
            signIn(tenant, user);
            assertThat(browser.findAll("nav a[href='/']")).hasSize(1);
            assertThat(browser.findAll("a[href='/console/tenants'], a[href='/console/accounts']")).isEmpty();

            for (String page : new String[] { "/console/tenants", "/console/accounts" }) {
                browser.go(page);
                assertThat(browser.status()).as(page).isEqualTo(403);
                assertThat(browser.title()).as(page).isEqualTo("Forbidden · Steward");
                assertThat(browser.find("h1").getText()).as(page).isEqualTo("Forbidden");
                assertThat(browser.findAll("#tenant-table, #tenant-form, #account-table, #account-form")).as(page)
                        .isEmpty();
                assertThat(browser.findAll("nav a[href='/']")).as(page + " keeps the menu").hasSize(1);
                assertThat(browser.findAll("form.signout")).as(page + " keeps sign-out").hasSize(1);
                assertThat(browser.findAll("a[href='/console/tenants'], a[href='/console/accounts']")).as(page)
                        .isEmpty();
            }
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void wrongPasswordsShowOneGenericErrorAndFiveLockTheAccount() {
            Tenant tenant = fixtures.tenant();
            Account user = fixtures.account(tenant, Role.CUSTOMER_USER);

            submitPassword(tenant.slug(), "nobody-here", "whatever it is");
            browser.awaitText("[role=alert]", FAILED);

            for (int attempt = 1; attempt <= 5; attempt++) {
                submitPassword(tenant.slug(), user.username(), "not the password " + attempt);
                browser.awaitText("[role=alert]", FAILED);
                assertThat(browser.status()).isEqualTo(401);
                assertThat(browser.findAll("#who, nav")).as("not signed in").isEmpty();
                assertThat(browser.find("#username").getAttribute("value")).isEqualTo(user.username());
                assertThat(browser.find("#password").getAttribute("value")).as("password not echoed").isEmpty();
            }
            browser.go("/");
            browser.awaitPath("/login");

            submitPassword(tenant.slug(), user.username(), Fixtures.PASSWORD);
            browser.awaitText("[role=alert]", FAILED);
            assertThat(browser.status()).isEqualTo(401);
            browser.go("/");
            browser.awaitPath("/login");
            assertThat(browser.findAll("#who")).as("locked out despite the right password").isEmpty();
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void noConsolePageViolatesTheContentSecurityPolicy() {
            Tenant tenant = fixtures.tenant();
            Account admin = fixtures.account(tenant, Role.CUSTOMER_ADMIN);
            Account colleague = fixtures.account(tenant, Role.CUSTOMER_USER);
            Account operator = fixtures.account(fixtures.provider(), Role.OPERATOR);

            submitPassword(tenant.slug(), admin.username(), "wrong password");
            browser.awaitText("[role=alert]", FAILED);
            Enrolled enrolled = enrolOperator(operator);
            signOut();
            signInWithSecondFactor(operator, enrolled);
            browser.go("/mfa/enrol");
            browser.await("[role=status]");
            browser.go("/console/tenants");
            browser.await("#tenant-form");
            browser.go("/console/tenants/" + tenant.id());
            browser.awaitText("#tenant-slug", tenant.slug());
            browser.go("/console/accounts");
            browser.await("#account-form");
            signOut();

            signIn(tenant, admin);
            browser.go("/console/tenants");
            browser.awaitText("h1", "Forbidden");
            browser.go("/console/accounts");
            browser.find("#account-" + colleague.username() + " button").click();
            browser.awaitText("#account-" + colleague.username() + " td:nth-child(5)", "disabled");

            assertThat(browser.cspViolations()).isEmpty();

            // the detector is alive and the policy enforced: an injected inline script is refused
            browser.go("/");
            browser.script("var s = document.createElement('script'); s.textContent = 'window.injected = 1;';"
                    + " document.head.appendChild(s);");
            assertThat(browser.script("return window.injected === undefined;")).isEqualTo(true);
            assertThat(browser.cspViolations()).anySatisfy(m -> assertThat(m).contains("Content Security Policy"));
        }

        @Test
        void customerAdminIssuesAnApiTokenThatWorksUntilRevoked() {
            Tenant tenant = fixtures.tenant();
            Account admin = fixtures.account(tenant, Role.CUSTOMER_ADMIN);
            signIn(tenant, admin);
            browser.go("/console/tokens");
            browser.type("#name", "crm-sync");
            browser.find("#issue-token").click();
            browser.await("#token-secret");
            String secret = browser.find("#token-secret").getText();
            assertThat(secret).startsWith("stw_");
            assertThat(api.get(secret, "/api/v1/me").json().get("name").asString()).isEqualTo("crm-sync");

            browser.go("/console/tokens");
            assertThat(browser.findAll("#token-secret")).as("the secret is shown once only").isEmpty();
            browser.find("button[aria-label='Revoke crm-sync']").click();
            browser.awaitPath("/console/tokens?revoked");
            assertThat(api.get(secret, "/api/v1/me").status()).isEqualTo(401);
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void personChangesTheirPasswordAndSignsInWithTheNewOne() {
            Tenant tenant = fixtures.tenant();
            Account user = fixtures.account(tenant, Role.CUSTOMER_USER);
            signIn(tenant, user);
            browser.go("/console/profile");
            browser.type("#currentPassword", Fixtures.PASSWORD);
            browser.type("#newPassword", "aaaaaaaaaaaaaaaa");
            browser.type("#repeatPassword", "aaaaaaaaaaaaaaaa");
            browser.find("#change-password").click();
            browser.awaitText("[role=alert]", "newPassword: is too easy to guess");

            browser.type("#currentPassword", Fixtures.PASSWORD);
            browser.type("#newPassword", "a much longer secret phrase");
            browser.type("#repeatPassword", "a much longer secret phrase");
            browser.find("#change-password").click();
            browser.awaitText("#changed", "Password changed.");
            signOut();
            submitPassword(tenant.slug(), user.username(), Fixtures.PASSWORD);
            browser.awaitText("[role=alert]", FAILED);
            submitPassword(tenant.slug(), user.username(), "a much longer secret phrase");
            browser.awaitText("#who", user.username());
        }
    }
}
