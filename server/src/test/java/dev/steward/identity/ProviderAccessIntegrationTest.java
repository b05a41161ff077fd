package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.SignInResult.Accepted;
import dev.steward.identity.SignInResult.Refused;
import dev.steward.notices.Inbox;
import dev.steward.notices.Notice;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Provider staff inside customer tenants (ROLE-1, SEC-4): an operator only onboards a tenant
 * without an administrator, by invitation; managed-service staff act only under a fully managed
 * contract; every such act is logged, listed for the customer and announced in its inbox.
 */
class ProviderAccessIntegrationTest {

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
        Invitations invitations;
        @Autowired
        SignIn signIn;
        @Autowired
        Inbox inbox;
        @Autowired
        JdbcClient jdbc;

        private static Map<String, Object> admin(String username) {
            return Map.of("username", username, "displayName", "First admin", "role", "CUSTOMER_ADMIN",
                    "password", Fixtures.PASSWORD);
        }

        private static Map<String, Object> invite(String username, String role) {
            return Map.of("username", username, "displayName", "Invited person", "role", role);
        }

        private String code(String secret) {
            return Totp.codeAt(secret, Totp.stepAt(clock.instant()));
        }

        private static Caller person(Account a) {
            return new Caller(a.tenantId(), a.id(), a.username(), a.role(), Caller.Kind.ACCOUNT);
        }

        private List<String> providerActions(String customerAdminToken) {
            Response r = api.get(customerAdminToken, "/api/v1/provider-access?size=200");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<String> actions = new ArrayList<>();
            r.json().get("items").forEach(i -> actions.add(i.get("action").asString()));
            return actions;
        }

        @Test
        void theOperatorAttackPathFailsAtEveryStep() {
            Tenant customer = fixtures.tenant();
            Account existingAdmin = fixtures.account(customer, Role.CUSTOMER_ADMIN);
            String operator = fixtures.operatorToken();
            String intruder = Fixtures.unique("intruder");

            // 1. create a CUSTOMER_ADMIN with a password the operator chose
            Response created = api.post(operator, "/api/v1/tenants/" + customer.id() + "/accounts", admin(intruder));
            assertThat(created.status()).as(created.body()).isEqualTo(404);
            assertThat(api.get(operator, "/api/v1/tenants/" + customer.id() + "/accounts").status()).isEqualTo(404);
            assertThat(api.patch(operator, "/api/v1/tenants/" + customer.id() + "/accounts/" + existingAdmin.id(),
                    Map.of("resetMfa", true)).status()).isEqualTo(404);
            // ... or by "onboarding" a tenant that already has its administrator
            Response onboarding = api.post(operator, "/api/v1/tenants/" + customer.id() + "/invitations",
                    invite(intruder, "CUSTOMER_ADMIN"));
            assertThat(onboarding.status()).as(onboarding.body()).isEqualTo(409);
            assertThat(onboarding.json().get("type").asString()).isEqualTo("urn:steward:problem:tenant-has-administrator");
            // 2. sign in as it
            assertThat(signIn.password(customer.slug(), intruder, Fixtures.PASSWORD, "op-src"))
                    .isEqualTo(new Refused(SignInResult.Reason.BAD_CREDENTIALS));
            // 3. read and erase personal data, with the operator's own credentials
            assertThat(api.get(operator, "/api/v1/subjects/s-1/records?purpose=contract").status()).isEqualTo(403);
            assertThat(api.delete(operator, "/api/v1/subjects/s-1").status()).isEqualTo(403);
            // 4. approve a colleague's evidence-bundle request
            String officer = fixtures.token(fixtures.provider(), Role.SECURITY_OFFICER);
            Response requested = api.post(officer, "/api/v1/tenants/" + customer.id() + "/evidence/bundles",
                    Map.of("from", "2001-01-01T00:00:00Z", "to", "2001-01-02T00:00:00Z"));
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            assertThat(api.post(operator, "/api/v1/evidence/bundles/" + requested.json().get("id").asString() + "/approve",
                    null).status()).isEqualTo(403);
            // nothing was created, and the customer sees the refused attempts
            assertThat(TenantScope.call(DataScope.tenant(customer.id()), () -> jdbc.sql(
                    "SELECT COUNT(*) FROM accounts WHERE tenant_id = ?").param(customer.id()).query(Long.class).single()))
                    .isEqualTo(1L);
            assertThat(providerActions(fixtures.token(customer, Role.CUSTOMER_ADMIN)))
                    .contains("provider.entered.refused").doesNotContain("account.created", "invitation.issued");
        }


        @Test
        void anOperatorOnboardsTheFirstAdministratorOnlyByAOneTimeLinkTheAdministratorCompletes() {
            Tenant customer = fixtures.tenant();
            String operator = fixtures.operatorToken();
            String username = Fixtures.unique("first");

            Response withPassword = api.post(operator, "/api/v1/tenants/" + customer.id() + "/invitations", admin(username));
            assertThat(withPassword.status()).isEqualTo(400);
            assertThat(withPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
            Response notAdmin = api.post(operator, "/api/v1/tenants/" + customer.id() + "/invitations",
                    invite(username, "CUSTOMER_USER"));
            assertThat(notAdmin.status()).isEqualTo(400);

            Response issued = api.post(operator, "/api/v1/tenants/" + customer.id() + "/invitations",
                    invite(username, "CUSTOMER_ADMIN"));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            assertThat(issued.json().get("purpose").asString()).isEqualTo("ONBOARDING");
            String link = issued.json().get("link").asString();
            String token = link.substring("/invite/".length());
            // only the hash of the link's secret is stored
            String stored = TenantScope.call(DataScope.tenant(customer.id()), () -> jdbc.sql(
                    "SELECT secret_hash FROM invitations WHERE tenant_id = ?").param(customer.id()).query(String.class).single());
            assertThat(stored).hasSize(64).isNotEqualTo(token);
            assertThat(token).doesNotContain(stored);
            // the link's holder sets the password and must enrol a second factor
            String secret = Totp.newSecret();
            assertThatThrownBy(() -> invitations.acceptNewAccount(token, Fixtures.PASSWORD, secret, "not-a-code"))
                    .hasMessageContaining("code");
            assertThatThrownBy(() -> invitations.acceptNewAccount(token, "short", secret, code(secret)))
                    .hasMessageContaining("password");
            Account created = invitations.acceptNewAccount(token, "the administrator's own secret", secret, code(secret));
            assertThat(created.role()).isEqualTo(Role.CUSTOMER_ADMIN);
            assertThat(created.totpEnabled()).isTrue();
            // single use
            clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> invitations.acceptNewAccount(token, "another password here", secret, code(secret)))
                    .isInstanceOf(InvitationInvalid.class);
            assertThat(api.get(null, "/invite/" + token).status()).isEqualTo(404);
            // the new administrator signs in with their own password and the second factor
            SignInResult r = signIn.password(customer.slug(), username, "the administrator's own secret", "adm-src");
            assertThat(r).isInstanceOf(Accepted.class);
            assertThat(((Accepted) r).next()).isEqualTo(SignInResult.Next.MFA_CODE);
            // once an administrator exists, there is no second onboarding
            assertThat(api.post(operator, "/api/v1/tenants/" + customer.id() + "/invitations",
                    invite(Fixtures.unique("second"), "CUSTOMER_ADMIN")).status()).isEqualTo(409);
            // the customer sees and is told what the provider did
            String adminToken = fixtures.token(customer, Role.CUSTOMER_ADMIN);
            assertThat(providerActions(adminToken)).contains("invitation.issued");
            List<Notice> notices = inbox.list(person(created), PageRequest.of(0, 50)).items();
            assertThat(notices).extracting(Notice::subject).anyMatch(s -> s.contains("Provider invited " + username));
            assertThat(inbox.unread(person(created))).isGreaterThanOrEqualTo(1);
        }

        @Test
        void anOnboardingLinkExpiresAndANewOneRevokesTheOld() {
            Tenant customer = fixtures.tenant();
            String operator = fixtures.operatorToken();
            String first = api.post(operator, "/api/v1/tenants/" + customer.id() + "/invitations",
                    invite(Fixtures.unique("a"), "CUSTOMER_ADMIN")).json().get("link").asString().substring(8);
            String second = api.post(operator, "/api/v1/tenants/" + customer.id() + "/invitations",
                    invite(Fixtures.unique("b"), "CUSTOMER_ADMIN")).json().get("link").asString().substring(8);
            String secret = Totp.newSecret();
            assertThatThrownBy(() -> invitations.acceptNewAccount(first, Fixtures.PASSWORD, secret, code(secret)))
                    .as("revoked by the newer link").isInstanceOf(InvitationInvalid.class);
            clock.advance(Duration.ofHours(73));
            assertThatThrownBy(() -> invitations.acceptNewAccount(second, Fixtures.PASSWORD, secret, code(secret)))
                    .as("expired").isInstanceOf(InvitationInvalid.class);
            char[] altered = second.toCharArray();
            altered[80] = altered[80] == 'A' ? 'B' : 'A';
            assertThatThrownBy(() -> invitations.open(new String(altered))).isInstanceOf(InvitationInvalid.class);
        }

        @Test
        void managedServiceStaffActOnlyUnderAFullyManagedContractAndTheCustomerSeesEveryAct() {
            Tenant managed = fixtures.tenant(true);
            Tenant unmanaged = fixtures.tenant(false);
            Account managedAdmin = fixtures.account(managed, Role.CUSTOMER_ADMIN);
            Account user = fixtures.account(managed, Role.CUSTOMER_USER);
            String ms = fixtures.token(fixtures.provider(), Role.MANAGED_SERVICE);
            String base = "/api/v1/tenants/" + managed.id();

            assertThat(api.get(ms, base + "/accounts").status()).isEqualTo(200);
            assertThat(api.get(ms, "/api/v1/tenants/" + unmanaged.id() + "/accounts").status()).isEqualTo(404);
            // never a password of its choosing, never a customer administrator
            Response withPassword = api.post(ms, base + "/accounts", Map.of("username", Fixtures.unique("m"),
                    "displayName", "M", "role", "CUSTOMER_USER", "password", Fixtures.PASSWORD));
            assertThat(withPassword.status()).as(withPassword.body()).isEqualTo(403);
            assertThat(api.post(ms, base + "/invitations", invite(Fixtures.unique("adm"), "CUSTOMER_ADMIN")).status())
                    .isEqualTo(403);
            assertThat(api.patch(ms, base + "/accounts/" + managedAdmin.id(), Map.of("disabled", true)).status())
                    .isEqualTo(403);
            assertThat(api.patch(ms, base + "/accounts/" + user.id(), Map.of("role", "CUSTOMER_ADMIN")).status())
                    .isEqualTo(403);
            // what it may do: invite a user, change a user
            Response invited = api.post(ms, base + "/invitations", invite(Fixtures.unique("clerk"), "CUSTOMER_USER"));
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            Response disabled = api.patch(ms, base + "/accounts/" + user.id(), Map.of("disabled", true));
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);

            String adminToken = fixtures.token(managed, Role.CUSTOMER_ADMIN);
            Response page = api.get(adminToken, "/api/v1/provider-access?size=200");
            List<String> actions = new ArrayList<>();
            for (JsonNode i : page.json().get("items")) {
                actions.add(i.get("action").asString());
                assertThat(i.get("actorRole").asString()).isEqualTo("MANAGED_SERVICE");
            }
            assertThat(actions).contains("provider.entered", "invitation.issued", "account.changed",
                    "account.created.refused", "invitation.issued.refused", "account.changed.refused");
            // the same acts are in the customer's system log
            Response log = api.get(adminToken, "/api/v1/logs/" + managed.id() + "/entries?action=account.changed");
            assertThat(log.status()).as(log.body()).isEqualTo(200);
            assertThat(log.json().get("items").get(0).get("actor").get("role").asString()).isEqualTo("MANAGED_SERVICE");
            // and announced to its administrators, not to its users
            List<String> subjects = inbox.list(person(managedAdmin), PageRequest.of(0, 50)).items().stream()
                    .map(Notice::subject).toList();
            assertThat(subjects).anyMatch(s -> s.startsWith("Provider changed account " + user.username()))
                    .anyMatch(s -> s.startsWith("Provider invited"));
            assertThat(inbox.list(person(user), PageRequest.of(0, 50)).total()).isZero();
            // another customer sees none of it; the unmanaged one sees the refused attempt only
            assertThat(providerActions(fixtures.token(fixtures.tenant(), Role.CUSTOMER_ADMIN))).isEmpty();
            assertThat(providerActions(fixtures.token(unmanaged, Role.CUSTOMER_ADMIN))).containsExactly("provider.entered.refused");
            // once the contract is no longer fully managed, the door closes
            String operator = fixtures.operatorToken();
            assertThat(api.patch(operator, "/api/v1/tenants/" + managed.id(), Map.of("fullyManaged", false)).status())
                    .isEqualTo(200);
            assertThat(api.get(ms, base + "/accounts").status()).isEqualTo(404);
        }

        @Test
        void onlyTheCustomersOwnReadersSeeItsProviderAccesses() {
            Tenant customer = fixtures.tenant();
            assertThat(api.get(fixtures.token(customer, Role.AUDITOR), "/api/v1/provider-access").status()).isEqualTo(200);
            assertThat(api.get(fixtures.token(customer, Role.CUSTOMER_USER), "/api/v1/provider-access").status()).isEqualTo(403);
            assertThat(api.get(fixtures.token(fixtures.provider(), Role.SECURITY_OFFICER), "/api/v1/provider-access").status())
                    .isEqualTo(403);
        }
    }
}
