package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.Role;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Console sessions over HTTP: a pending sign-in ends after three wrong codes, and an open session
 * follows its account and tenant (password change, disabling, demotion, MFA reset, tenant
 * deactivation end it at its next request).
 */
class ConsoleSessionIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        private static final String PAGE = "/console/profile";

        @Autowired
        SignIn signIn;

        @Test
        void aPendingSignInEndsAfterThreeWrongCodes() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secret = enrol(t, a);
            ConsoleClient browser = new ConsoleClient(port);
            assertThat(browser.signIn(t.slug(), a.username(), Fixtures.PASSWORD).location()).endsWith("/login/mfa");
            String wrong = SignInIntegrationTest.Cases.wrongCode(secret, Totp.stepAt(clock.instant()));
            assertThat(submitCode(browser, "/login/mfa", wrong).status()).isEqualTo(401);
            assertThat(submitCode(browser, "/login/mfa", wrong).status()).isEqualTo(401);
            assertThat(submitCode(browser, "/login/mfa", wrong).location()).endsWith("/login?codesExhausted");

            String right = Totp.codeAt(secret, Totp.stepAt(clock.instant()));
            assertThat(submitCode(browser, "/login", right).location())
                    .as("the right code no longer completes the ended sign-in").endsWith("/login");
            assertThat(browser.get(PAGE).status()).isEqualTo(302);
            assertThat(signIn.account(t.id(), a.id()).failedLogins()).as("the wrong codes also count account-wide")
                    .isEqualTo(3);
        }

        @Test
        void aPasswordChangeEndsTheAccountsOtherSessionsAndDisablingEndsAll() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_USER);
            ConsoleClient first = signedIn(t, a);
            ConsoleClient second = signedIn(t, a);
            assertThat(first.get(PAGE).status()).isEqualTo(200);
            assertThat(second.get(PAGE).status()).isEqualTo(200);

            String next = "a new passphrase for the test " + Fixtures.unique("p");
            assertThat(first.post(PAGE, "/console/profile/password", Map.of("currentPassword", Fixtures.PASSWORD,
                    "newPassword", next, "repeatPassword", next)).location()).endsWith("/console/profile?changed");
            assertThat(first.get(PAGE).status()).as("the session that changed it goes on").isEqualTo(200);
            assertThat(second.get(PAGE).location()).as("the other session ended").endsWith("/login");
            assertThat(second.get(PAGE).location()).as("and stays ended").endsWith("/login");

            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("disabled", true)).status()).isEqualTo(200);
            assertThat(first.get(PAGE).location()).as("disabled").endsWith("/login");
        }

        @Test
        void aDemotionEndsTheSessionAndADisplayNameChangeDoesNot() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.AUDITOR);
            ConsoleClient browser = signedIn(t, a);
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("displayName", "Renamed")).status())
                    .isEqualTo(200);
            assertThat(browser.get(PAGE).status()).isEqualTo(200);
            assertThat(api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("role", "CUSTOMER_USER")).status())
                    .isEqualTo(200);
            assertThat(browser.get(PAGE).location()).endsWith("/login");
        }

        @Test
        void anMfaResetEndsTheSession() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secret = enrol(t, a);
            ConsoleClient browser = new ConsoleClient(port);
            assertThat(browser.signIn(t.slug(), a.username(), Fixtures.PASSWORD).location()).endsWith("/login/mfa");
            clock.advance(java.time.Duration.ofSeconds(30));
            assertThat(submitCode(browser, "/login/mfa", Totp.codeAt(secret, Totp.stepAt(clock.instant()))).location())
                    .doesNotContain("/login");
            assertThat(browser.get(PAGE).status()).isEqualTo(200);
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("resetMfa", true)).status()).isEqualTo(200);
            assertThat(browser.get(PAGE).location()).endsWith("/login");
        }

        @Test
        void deactivatingTheTenantEndsItsSessions() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_USER);
            ConsoleClient browser = signedIn(t, a);
            assertThat(api.patch(fixtures.operatorToken(), "/api/v1/tenants/" + t.id(), Map.of("state", "TERMINATED"))
                    .status()).isEqualTo(200);
            assertThat(browser.get(PAGE).location()).endsWith("/login");
        }

        @Test
        void aCustomerAdministratorRequiresASecondFactorInTheConsole() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            ConsoleClient browser = new ConsoleClient(port);
            assertThat(browser.signIn(t.slug(), admin.username(), Fixtures.PASSWORD).location()).doesNotContain("/login");
            assertThat(browser.get("/console/accounts").body()).contains("sign-in-policy-form");
            assertThat(browser.post("/console/accounts", "/console/accounts/sign-in-policy", Map.of("mfaRequired", "true"))
                    .location()).endsWith("/console/accounts?policyChanged");
            Account user = fixtures.account(t, Role.CUSTOMER_USER);
            assertThat(new ConsoleClient(port).signIn(t.slug(), user.username(), Fixtures.PASSWORD).location())
                    .as("the tenant's accounts enrol at their next sign-in").endsWith("/mfa/enrol");
        }

        private ConsoleClient signedIn(Tenant t, Account a) {
            ConsoleClient browser = new ConsoleClient(port);
            assertThat(browser.signIn(t.slug(), a.username(), Fixtures.PASSWORD).status()).isEqualTo(302);
            assertThat(browser.get(PAGE).status()).isEqualTo(200);
            return browser;
        }

        private ConsoleClient.Page submitCode(ConsoleClient browser, String formPage, String code) {
            return browser.post(formPage, "/login/mfa", Map.of("code", code));
        }

        private String enrol(Tenant t, Account a) {
            String secret = signIn.beginEnrolment(t.id(), a.id());
            assertThat(signIn.confirmEnrolment(t.id(), a.id(), Totp.codeAt(secret, Totp.stepAt(clock.instant())))).isTrue();
            return secret;
        }
    }
}
