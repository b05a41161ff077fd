package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.SignInResult.Accepted;
import dev.steward.identity.SignInResult.Reason;
import dev.steward.identity.SignInResult.Refused;
import dev.steward.platform.Role;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/** Authentication rules: rate limit, lock-out, TOTP without replay, token expiry and revocation. */
class SignInIntegrationTest {

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
        TokenIssuer tokens;

        @Test
        void aSourceAddressThatKeepsGuessingIsRateLimitedEvenWithTheRightPassword() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_USER);
            String source = "192.0.2." + (1 + new java.util.Random().nextInt(250)) + "-" + UUID.randomUUID();
            for (int i = 0; i < 30; i++) {
                signIn.password(t.slug(), "nobody-" + i, "wrong password " + i, source);
            }
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, source))
                    .isEqualTo(new Refused(Reason.RATE_LIMITED));
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, source + "-other"))
                    .isInstanceOf(Accepted.class);
        }

        @Test
        void fiveWrongPasswordsLockTheAccountAndAnAdministratorCanUnlockIt() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_USER);
            for (int i = 0; i < 5; i++) {
                assertThat(signIn.password(t.slug(), a.username(), "wrong password " + i, "src-" + i))
                        .isEqualTo(new Refused(Reason.BAD_CREDENTIALS));
            }
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, "src-x"))
                    .isEqualTo(new Refused(Reason.LOCKED));
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("unlock", true)).status()).isEqualTo(200);
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, "src-y")).isInstanceOf(Accepted.class);
        }

        @Test
        void aTotpCodeWorksOnceAndWrongCodesCount() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secret = signIn.beginEnrolment(t.id(), a.id());
            long step = Totp.stepAt(Instant.now());
            assertThat(signIn.confirmEnrolment(t.id(), a.id(), "000000".equals(Totp.codeAt(secret, step)) ? "111111" : "000000"))
                    .isFalse();
            assertThat(signIn.confirmEnrolment(t.id(), a.id(), Totp.codeAt(secret, step))).isTrue();
            SignInResult afterPassword = signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, "mfa-src");
            assertThat(afterPassword).isInstanceOf(Accepted.class);
            assertThat(((Accepted) afterPassword).next()).isEqualTo(SignInResult.Next.MFA_CODE);
            assertThat(signIn.secondFactor(t.id(), a.id(), Totp.codeAt(secret, step))).as("replayed code").isFalse();
            assertThat(signIn.secondFactor(t.id(), a.id(), Totp.codeAt(secret, step + 1))).isTrue();
        }

        @Test
        void passwordsBelowThePolicyAreRefusedNamingTheField() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            for (String weak : new String[] { "short", "aaaaaaaaaaaaaaaa", "password123" }) {
                var r = api.post(admin, "/api/v1/accounts", Map.of("username", Fixtures.unique("w"), "displayName", "W",
                        "role", "CUSTOMER_USER", "password", weak));
                assertThat(r.status()).as(weak).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
            }
        }

        @Test
        void expiredAndRevokedTokensAreRefusedAndSecretsAreStoredOnlyHashed() {
            Tenant t = fixtures.tenant();
            Account owner = fixtures.account(t, Role.CUSTOMER_ADMIN);
            IssuedToken expired = tokens.issueUnchecked(t.id(), owner.id(), "old", Role.CUSTOMER_USER, Duration.ofSeconds(-1));
            assertThat(api.get(expired.secret(), "/api/v1/me").status()).isEqualTo(401);

            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            var issued = api.post(admin, "/api/v1/tokens", Map.of("name", "ci", "role", "CUSTOMER_USER", "expiresInDays", 7));
            String secret = issued.json().get("secret").asString();
            String id = issued.json().get("token").get("id").asString();
            assertThat(api.get(secret, "/api/v1/me").status()).isEqualTo(200);
            assertThat(api.get(admin, "/api/v1/tokens/" + id).body()).doesNotContain(secret.substring(69));
            assertThat(api.delete(admin, "/api/v1/tokens/" + id).status()).isEqualTo(204);
            assertThat(api.get(secret, "/api/v1/me").status()).isEqualTo(401);
            assertThat(api.get("stw_" + "0".repeat(64) + "_" + "A".repeat(43), "/api/v1/me").status()).isEqualTo(401);
        }
    }
}
