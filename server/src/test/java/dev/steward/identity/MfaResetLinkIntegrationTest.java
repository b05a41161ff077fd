package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.SignInResult.Accepted;
import dev.steward.identity.SignInResult.Reason;
import dev.steward.identity.SignInResult.Refused;
import dev.steward.platform.InvalidField;
import dev.steward.platform.Role;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * After an administrator resets an account's second factor, enrolling a new one needs the
 * administrator-issued one-time link and the account's password; the password alone reaches nothing.
 */
class MfaResetLinkIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        SignIn signIn;
        @Autowired
        Invitations invitations;

        private String code(String secret) {
            return Totp.codeAt(secret, Totp.stepAt(clock.instant()));
        }

        private Account enrolled(Tenant t, Role role) {
            Account a = fixtures.account(t, role);
            String secret = signIn.beginEnrolment(t.id(), a.id());
            assertThat(signIn.confirmEnrolment(t.id(), a.id(), code(secret))).isTrue();
            return a;
        }

        private String reset(String adminToken, Account a) {
            Response r = api.patch(adminToken, "/api/v1/accounts/" + a.id(), Map.of("resetMfa", true));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("mfaEnrolled").asBoolean()).isFalse();
            return r.json().get("enrolmentLink").asString().substring("/invite/".length());
        }

        @Test
        void afterAResetThePasswordAloneNeitherSignsInNorEnrols() {
            Tenant t = fixtures.tenant();
            Account user = enrolled(t, Role.CUSTOMER_USER);
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String link = reset(admin, user);

            // the role does not require a second factor, yet the reset account cannot fall back to its password
            assertThat(signIn.password(t.slug(), user.username(), Fixtures.PASSWORD, "reset-src"))
                    .isEqualTo(new Refused(Reason.MFA_RESET_PENDING));
            assertThat(api.get(admin, "/api/v1/accounts/" + user.id()).body()).doesNotContain("enrolmentLink");

            // the link without the password does not enrol (the administrator holding it does not know it)
            String secret = Totp.newSecret();
            assertThatThrownBy(() -> invitations.acceptMfaReset(link, "a guessed password!!", secret, code(secret), "adm-src"))
                    .isInstanceOf(InvalidField.class).hasMessageContaining("currentPassword");
            // link and password: a new factor
            Account after = invitations.acceptMfaReset(link, Fixtures.PASSWORD, secret, code(secret), "user-src");
            assertThat(after.totpEnabled()).isTrue();
            SignInResult r = signIn.password(t.slug(), user.username(), Fixtures.PASSWORD, "user-src");
            assertThat(r).isInstanceOf(Accepted.class);
            assertThat(((Accepted) r).next()).isEqualTo(SignInResult.Next.MFA_CODE);
            // the link served once
            clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> invitations.acceptMfaReset(link, Fixtures.PASSWORD, secret, code(secret), "user-src"))
                    .isInstanceOf(InvitationInvalid.class);
        }

        @Test
        void aNewResetRevokesTheEarlierLinkAndAnExpiredLinkLeavesTheAccountWaiting() {
            Tenant t = fixtures.tenant();
            Account user = enrolled(t, Role.CUSTOMER_USER);
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String first = reset(admin, user);
            String second = reset(admin, user);
            String secret = Totp.newSecret();
            assertThatThrownBy(() -> invitations.acceptMfaReset(first, Fixtures.PASSWORD, secret, code(secret), "s"))
                    .isInstanceOf(InvitationInvalid.class);
            clock.advance(Duration.ofHours(73));
            assertThatThrownBy(() -> invitations.acceptMfaReset(second, Fixtures.PASSWORD, secret, code(secret), "s"))
                    .isInstanceOf(InvitationInvalid.class);
            assertThat(signIn.password(t.slug(), user.username(), Fixtures.PASSWORD, "s2"))
                    .isEqualTo(new Refused(Reason.MFA_RESET_PENDING));
        }


        @Test
        void wrongPasswordsOnTheLinkCountTowardsLockOut() {
            Tenant t = fixtures.tenant();
            Account user = enrolled(t, Role.CUSTOMER_USER);
            String link = reset(fixtures.token(t, Role.CUSTOMER_ADMIN), user);
            String secret = Totp.newSecret();
            for (int i = 0; i < 5; i++) {
                int n = i;
                assertThatThrownBy(() -> invitations.acceptMfaReset(link, "wrong password " + n, secret, code(secret),
                        "lock-src")).isInstanceOf(InvalidField.class).hasMessageContaining("wrong");
            }
            assertThatThrownBy(() -> invitations.acceptMfaReset(link, Fixtures.PASSWORD, secret, code(secret), "lock-src"))
                    .as("the right password from the locked source").isInstanceOf(InvalidField.class)
                    .hasMessageContaining("locked");
            assertThat(signIn.password(t.slug(), user.username(), Fixtures.PASSWORD, "lock-src"))
                    .as("the link's failures are sign-in failures of that source")
                    .isEqualTo(new Refused(Reason.LOCKED));
            // locked by account and source: whoever guessed elsewhere cannot lock the owner out
            assertThat(invitations.acceptMfaReset(link, Fixtures.PASSWORD, secret, code(secret), "owner-src")
                    .totpEnabled()).isTrue();
        }
    }
}
