package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

/**
 * Authentication rules: rate limits, lock-out per account and source, second-factor failures and
 * locks, codes used once even concurrently, MFA requirements, optimistic locking of accounts,
 * token expiry and revocation.
 */
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
        void fiveWrongPasswordsFromOneSourceLockItOutAndAnAdministratorCanUnlockIt() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_USER);
            String source = Fixtures.unique("src");
            for (int i = 0; i < 5; i++) {
                assertThat(signIn.password(t.slug(), a.username(), "wrong password " + i, source))
                        .isEqualTo(new Refused(Reason.BAD_CREDENTIALS));
            }
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, source))
                    .isEqualTo(new Refused(Reason.LOCKED));
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("unlock", true)).status()).isEqualTo(200);
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, source)).isInstanceOf(Accepted.class);
        }

        @Test
        void aGuesserAtOneSourceCannotLockTheOwnerOutAtAnotherAndTheLockEndsWithItsTime() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_USER);
            String attacker = Fixtures.unique("attacker");
            for (int i = 0; i < 7; i++) {
                signIn.password(t.slug(), a.username(), "guess " + i, attacker);
            }
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, attacker))
                    .as("the guessing source is locked out, even with the right password")
                    .isEqualTo(new Refused(Reason.LOCKED));
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, Fixtures.unique("owner")))
                    .as("the owner at another source").isInstanceOf(Accepted.class);

            clock.advance(Duration.ofMinutes(16));
            for (int i = 0; i < 4; i++) {
                assertThat(signIn.password(t.slug(), a.username(), "again " + i, attacker))
                        .as("the count starts again once the lock expired")
                        .isEqualTo(new Refused(Reason.BAD_CREDENTIALS));
            }
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, attacker)).isInstanceOf(Accepted.class);
        }

        @Test
        void aTotpCodeWorksOnceAndWrongCodesCount() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secret = signIn.beginEnrolment(t.id(), a.id());
            assertThat(signIn.beginEnrolment(t.id(), a.id())).as("a pending seed is shown again").isEqualTo(secret);
            long step = Totp.stepAt(clock.instant());
            assertThat(signIn.confirmEnrolment(t.id(), a.id(), wrongCode(secret, step))).isFalse();
            assertThat(signIn.confirmEnrolment(t.id(), a.id(), Totp.codeAt(secret, step))).isTrue();
            SignInResult afterPassword = signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, "mfa-src");
            assertThat(afterPassword).isInstanceOf(Accepted.class);
            assertThat(((Accepted) afterPassword).next()).isEqualTo(SignInResult.Next.MFA_CODE);
            String source = Fixtures.unique("src");
            assertThat(signIn.secondFactor(t.id(), a.id(), Totp.codeAt(secret, step), source)).as("replayed code").isFalse();
            assertThat(signIn.secondFactor(t.id(), a.id(), Totp.codeAt(secret, step + 1), source)).isTrue();
        }

        @Test
        void wrongCodesCountOnTheirOwnARightPasswordDoesNotForgetThemAndTheyLockTheSecondFactor() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secret = enrol(t, a);
            String source = Fixtures.unique("src");
            for (int i = 0; i < 5; i++) {
                // a right password between the wrong codes must not reset their count
                assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, source)).isInstanceOf(Accepted.class);
                assertThat(signIn.secondFactor(t.id(), a.id(), wrongCode(secret, Totp.stepAt(clock.instant())), source))
                        .isFalse();
            }
            clock.advance(Duration.ofSeconds(30));
            long step = Totp.stepAt(clock.instant());
            assertThat(signIn.secondFactor(t.id(), a.id(), Totp.codeAt(secret, step), source))
                    .as("the right code while the second factor is locked").isFalse();
            assertThat(signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, Fixtures.unique("elsewhere")))
                    .as("whoever holds the password is stopped at every source")
                    .isEqualTo(new Refused(Reason.LOCKED));
            clock.advance(Duration.ofMinutes(16));
            assertThat(signIn.secondFactor(t.id(), a.id(), Totp.codeAt(secret, Totp.stepAt(clock.instant())), source))
                    .isTrue();
            assertThat(signIn.account(t.id(), a.id()).failedLogins()).as("a right code forgets wrong ones").isZero();
        }

        @Test
        void theSecondFactorIsRateLimitedPerSourceAddress() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secret = enrol(t, a);
            String source = Fixtures.unique("src");
            Account other = fixtures.account(t, Role.CUSTOMER_USER);
            for (int i = 0; i < 30; i++) {
                // attempts at another account from the same source use up the budget
                signIn.secondFactor(t.id(), other.id(), "000000", source);
            }
            clock.advance(Duration.ofSeconds(30));
            String code = Totp.codeAt(secret, Totp.stepAt(clock.instant()));
            assertThat(signIn.secondFactor(t.id(), a.id(), code, source)).as("rate limited").isFalse();
            assertThat(signIn.secondFactor(t.id(), a.id(), code, source + "-other")).isTrue();
        }

        @Test
        void oneCodeIsAcceptedOnceEvenWhenSubmittedTwiceAtTheSameTime() throws Exception {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secret = enrol(t, a);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    clock.advance(Duration.ofSeconds(30));
                    String code = Totp.codeAt(secret, Totp.stepAt(clock.instant()));
                    CyclicBarrier together = new CyclicBarrier(2);
                    Callable<Boolean> submit = () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return signIn.secondFactor(t.id(), a.id(), code, Fixtures.unique("src"));
                    };
                    Future<Boolean> first = pool.submit(submit);
                    Future<Boolean> second = pool.submit(submit);
                    assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                            .as("round " + round).containsExactlyInAnyOrder(true, false);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void everyProviderAccountMustEnrolASecondFactorWhateverItsRole() {
            Tenant provider = fixtures.provider();
            for (Role role : new Role[] { Role.AUDITOR, Role.SUPPLIER, Role.OPERATOR }) {
                Account a = fixtures.account(provider, role);
                SignInResult r = signIn.password(provider.slug(), a.username(), Fixtures.PASSWORD, Fixtures.unique("src"));
                assertThat(((Accepted) r).next()).as(role.name()).isEqualTo(SignInResult.Next.MFA_ENROLMENT);
            }
            Tenant customer = fixtures.tenant();
            Account auditor = fixtures.account(customer, Role.AUDITOR);
            assertThat(((Accepted) signIn.password(customer.slug(), auditor.username(), Fixtures.PASSWORD,
                    Fixtures.unique("src"))).next()).as("customer auditor, no tenant requirement")
                    .isEqualTo(SignInResult.Next.NONE);
        }


        @Test
        void aCustomerTenantCanRequireASecondFactorOfEveryAccount() {
            Tenant t = fixtures.tenant();
            Account user = fixtures.account(t, Role.CUSTOMER_USER);
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String path = "/api/v1/tenants/" + t.id() + "/sign-in-policy";
            assertThat(next(t, user)).isEqualTo(SignInResult.Next.NONE);
            assertThat(api.get(admin, path).json().get("mfaRequired").asBoolean()).isFalse();

            var refused = api.send(admin, "PUT", path, Map.of("other", true), Map.of());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("mfaRequired");
            assertThat(api.send(fixtures.token(t, Role.CUSTOMER_USER), "PUT", path, Map.of("mfaRequired", true), Map.of())
                    .status()).as("a customer user").isEqualTo(403);
            Tenant other = fixtures.tenant();
            assertThat(api.send(fixtures.token(other, Role.CUSTOMER_ADMIN), "PUT", path, Map.of("mfaRequired", true),
                    Map.of()).status()).as("another tenant's administrator").isEqualTo(404);
            assertThat(next(t, user)).as("refused changes changed nothing").isEqualTo(SignInResult.Next.NONE);

            assertThat(api.send(admin, "PUT", path, Map.of("mfaRequired", true), Map.of()).status()).isEqualTo(200);
            assertThat(next(t, user)).as("enrol at next sign-in").isEqualTo(SignInResult.Next.MFA_ENROLMENT);
            assertThat(api.send(fixtures.operatorToken(), "PUT", path, Map.of("mfaRequired", false), Map.of())
                    .status()).as("the provider cannot switch off a customer's second factor").isEqualTo(404);
            assertThat(next(t, user)).as("still required").isEqualTo(SignInResult.Next.MFA_ENROLMENT);
            assertThat(api.send(admin, "PUT", path, Map.of("mfaRequired", false), Map.of())
                    .json().get("mfaRequired").asBoolean()).as("the customer's administrator may").isFalse();
            assertThat(next(t, user)).isEqualTo(SignInResult.Next.NONE);
            Tenant managed = fixtures.tenant(true);
            assertThat(api.send(fixtures.token(fixtures.provider(), Role.MANAGED_SERVICE), "PUT",
                    "/api/v1/tenants/" + managed.id() + "/sign-in-policy", Map.of("mfaRequired", true), Map.of())
                    .json().get("mfaRequired").asBoolean()).as("managed-service staff under a fully managed contract")
                    .isTrue();
            assertThat(api.send(fixtures.operatorToken(), "PUT", "/api/v1/tenants/" + fixtures.provider().id()
                    + "/sign-in-policy", Map.of("mfaRequired", false), Map.of()).status())
                    .as("the provider tenant always requires it").isEqualTo(400);
        }

        @Test
        void aPatchWithAStaleVersionIsRefusedAndChangesNothing() {
            Tenant t = fixtures.tenant();
            Account a = fixtures.account(t, Role.CUSTOMER_USER);
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            int version = api.get(admin, "/api/v1/accounts/" + a.id()).json().get("version").asInt();
            var first = api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("disabled", true, "expectedVersion", version));
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().get("version").asInt()).isEqualTo(version + 1);
            var stale = api.patch(admin, "/api/v1/accounts/" + a.id(), Map.of("disabled", false, "displayName", "Stale",
                    "expectedVersion", version));
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().get("type").asString()).isEqualTo("urn:steward:problem:stale-version");
            assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
            assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(version + 1);
            assertThat(stale.json().get("detail").asString()).as("consoles show the detail").startsWith("version: ");
            var now = api.get(admin, "/api/v1/accounts/" + a.id()).json();
            assertThat(now.get("disabled").asBoolean()).as("the stale change undid nothing").isTrue();
            assertThat(now.get("displayName").asString()).isEqualTo("Person");
        }

        @Test
        void aUsernameTakenInTheTenantIsRefusedNamingTheFieldAndCreatesNothing() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String username = Fixtures.unique("twice");
            Map<String, Object> body = Map.of("username", username, "displayName", "Twice", "role", "CUSTOMER_USER",
                    "password", "a sufficiently long passphrase");
            assertThat(api.post(admin, "/api/v1/accounts", body).status()).isEqualTo(201);

            var again = api.post(admin, "/api/v1/accounts", body);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("type").asString()).isEqualTo("urn:steward:problem:name-taken");
            assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
            assertThat(again.json().get("detail").asString()).startsWith("username: ");
            long named = api.get(admin, "/api/v1/accounts?size=100").json().get("items").valueStream()
                    .filter(a -> a.get("username").asString().equals(username)).count();
            assertThat(named).as("one account of that name").isEqualTo(1);
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

        private SignInResult.Next next(Tenant t, Account a) {
            return ((Accepted) signIn.password(t.slug(), a.username(), Fixtures.PASSWORD, Fixtures.unique("src"))).next();
        }

        private String enrol(Tenant t, Account a) {
            String secret = signIn.beginEnrolment(t.id(), a.id());
            assertThat(signIn.confirmEnrolment(t.id(), a.id(), Totp.codeAt(secret, Totp.stepAt(clock.instant())))).isTrue();
            return secret;
        }

        public static String wrongCode(String secret, long step) {
            for (int candidate = 0; ; candidate++) {
                String code = String.format("%06d", candidate);
                boolean matchesNearby = false;
                for (long s = step - 1; s <= step + 1; s++) {
                    matchesNearby |= Totp.codeAt(secret, s).equals(code);
                }
                if (!matchesNearby) {
                    return code;
                }
            }
        }
    }
}
