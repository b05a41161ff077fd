package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.identity.Account;
import dev.steward.identity.SignIn;
import dev.steward.keys.EnvelopeEncryptor;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.PersonalData;
import dev.steward.keys.RecordBinding;
import dev.steward.keys.TenantId;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Actors' personal fields in the system log are sealed under keys no customer subject id reaches:
 * erasing "subjects" named like the old actor keys erases nothing; erasing an actor's fields is an
 * act of its own (ACTOR_TRAIL_ERASE), logged, never one's own trail, never provider staff's trail
 * for a customer.
 */
class ActorTrailErasureIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.CITUS)
    @ExtendWith(CitusCondition.class)
    class OnCitus extends Cases {
    }

    /** What an entry's sealed fields read as, to compare the log before and after an attempt. */
    record Sealed(String action, String actorName, String sourceAddress, boolean erased) {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        EvidenceLog evidence;
        @Autowired
        SystemLog systemLog;
        @Autowired
        ActorTrailErasure erasure;
        @Autowired
        SignIn signIn;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        TransactionTemplate tx;
        @Autowired
        KeyHierarchy keys;
        @Autowired
        dev.steward.identity.TokenIssuer tokens;
        @Autowired
        EnvelopeEncryptor encryptor;
        @Autowired
        javax.sql.DataSource dataSource;

        @Test
        void erasingTheSubjectActorAnonymousErasesNoRefusedSignIn() {
            Tenant t = fixtures.tenant();
            signIn.password(t.slug(), "mallory-guess", "not the password at all", "198.51.100.23");
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            List<Sealed> before = sealed(t);
            long keysBefore = dataKeys(t);
            assertThat(before).anySatisfy(s -> assertThat(s.actorName()).isEqualTo(t.slug() + "/mallory-guess"));

            Response attack = api.delete(admin, "/api/v1/subjects/actor:anonymous");

            assertThat(attack.status()).isEqualTo(404);
            assertThat(sealed(t)).containsAll(before).noneMatch(Sealed::erased);
            assertThat(dataKeys(t)).isEqualTo(keysBefore);
        }

        @Test
        void erasingTheSubjectActorAccountErasesNoActorsTrail() {
            Tenant t = fixtures.tenant();
            Account person = fixtures.account(t, Role.CUSTOMER_ADMIN);
            signIn.password(t.slug(), person.username(), Fixtures.PASSWORD, "203.0.113.9");
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            List<Sealed> before = sealed(t);
            long keysBefore = dataKeys(t);
            assertThat(before).anySatisfy(s -> assertThat(s.actorName()).isEqualTo(person.username()));

            assertThat(api.delete(admin, "/api/v1/subjects/actor:account:" + person.id()).status()).isEqualTo(404);
            assertThat(api.delete(admin, "/api/v1/subjects/account%2F" + t.id() + "%2F" + person.id()).status())
                    .isIn(400, 404);

            assertThat(sealed(t)).containsAll(before).noneMatch(Sealed::erased);
            assertThat(dataKeys(t)).isEqualTo(keysBefore);
        }

        @Test
        void actorKeysOfEntriesWrittenBeforeTheNamespaceAreNotErasableAsSubjects() {
            Tenant t = fixtures.tenant();
            Account person = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            actOnce(admin);
            // what the log did before: seal under subject keys named actor:anonymous and actor:account:<id>
            for (String legacy : List.of("actor:anonymous", "actor:account:" + person.id())) {
                TenantScope.run(DataScope.tenant(t.id()), () -> tx.executeWithoutResult(s -> {
                    java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
                    var subject = keys.subjectRef(c, new TenantId(t.id()), legacy);
                    encryptor.encrypt(c, new RecordBinding(new TenantId(t.id()), subject, "ledger:old", "ledger.personal"),
                            PersonalData.of("alice, 203.0.113.9".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }));
            }
            long keysBefore = dataKeys(t);

            assertThat(api.delete(admin, "/api/v1/subjects/actor:anonymous").status()).isEqualTo(404);
            assertThat(api.delete(admin, "/api/v1/subjects/actor:account:" + person.id()).status()).isEqualTo(404);

            assertThat(dataKeys(t)).isEqualTo(keysBefore);
        }

        @Test
        void anAdministratorErasesAnotherActorsFieldsAsALoggedActAndEntriesStillRead() {
            Tenant t = fixtures.tenant();
            Account person = fixtures.account(t, Role.CUSTOMER_USER);
            signIn.password(t.slug(), person.username(), Fixtures.PASSWORD, "203.0.113.9");
            signIn.password(t.slug(), "mallory-guess", "not the password at all", "198.51.100.23");
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);

            Response erased = api.delete(admin, "/api/v1/logs/" + t.id() + "/actors/account/" + t.id() + "/" + person.id()
                    + "/personal-fields");

            assertThat(erased.status()).isEqualTo(200);
            assertThat(erased.json().get("receipt").asString()).isNotBlank();
            List<LogEntryView> entries = entries(t);
            LogEntryView signin = entries.stream().filter(e -> "auth.signin.succeeded".equals(e.action())).findFirst()
                    .orElseThrow();
            assertThat(signin.personalErased()).isTrue();
            assertThat(signin.actorName()).isNull();
            assertThat(entries).filteredOn(e -> "auth.signin.refused".equals(e.action()))
                    .allSatisfy(e -> assertThat(e.actorName()).isEqualTo(t.slug() + "/mallory-guess"));
            assertThat(entries).filteredOn(e -> "evidence.actor-fields.erased".equals(e.action()))
                    .singleElement().satisfies(e -> assertThat(e.object()).startsWith("account:" + person.id()));
            assertThat(api.delete(admin, "/api/v1/logs/" + t.id() + "/actors/account/" + t.id() + "/" + person.id()
                    + "/personal-fields").status()).as("a trail erased already is gone").isEqualTo(404);
        }

        @Test
        void noActorErasesItsOwnTrail() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            Caller self = new Caller(t.id(), admin.id(), admin.username(), Role.CUSTOMER_ADMIN, Caller.Kind.ACCOUNT);
            signIn.password(t.slug(), admin.username(), Fixtures.PASSWORD, "203.0.113.9");
            List<Sealed> before = sealed(t);

            assertThatThrownBy(() -> erasure.erase(self, new ActorTrail("account", t.id(), admin.id())))
                    .isInstanceOf(ActorTrailProtected.class);

            assertThat(sealed(t)).containsAll(before).noneMatch(Sealed::erased);
        }

        @Test
        void aTokenAndTheAccountThatIssuedItCannotEraseEachOthersTrail() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            signIn.password(t.slug(), admin.username(), Fixtures.PASSWORD, "203.0.113.9");
            var token = tokens.issueUnchecked(t.id(), admin.id(), Fixtures.unique("ci"), Role.CUSTOMER_ADMIN,
                    java.time.Duration.ofDays(1));
            actOnce(token.secret());
            List<Sealed> before = sealed(t);

            Response viaToken = api.delete(token.secret(), "/api/v1/logs/" + t.id() + "/actors/account/" + t.id() + "/"
                    + admin.id() + "/personal-fields");
            Caller asAccount = new Caller(t.id(), admin.id(), admin.username(), Role.CUSTOMER_ADMIN, Caller.Kind.ACCOUNT);

            assertThat(viaToken.status()).isEqualTo(403);
            assertThat(viaToken.json().get("type").asString()).isEqualTo("urn:steward:problem:actor-trail-protected");
            assertThatThrownBy(() -> erasure.erase(asAccount, new ActorTrail("token", t.id(), token.token().id())))
                    .isInstanceOf(ActorTrailProtected.class);
            assertThat(sealed(t)).containsAll(before).noneMatch(Sealed::erased);
        }

        @Test
        void aCustomerCannotEraseProviderStaffsTrailInItsLog() {
            Tenant t = fixtures.tenant();
            Caller staff = new Caller(DataScope.PROVIDER_TENANT, UUID.randomUUID(), "provider-staff",
                    Role.MANAGED_SERVICE, Caller.Kind.ACCOUNT);
            TenantScope.run(DataScope.tenant(t.id()), () -> tx.executeWithoutResult(s -> systemLog.record(
                    LogEvent.success(t.id(), staff, "test.provider.act", "x").actorName("provider-staff")
                            .from("192.0.2.7"))));
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            List<Sealed> before = sealed(t);
            assertThat(before).anySatisfy(s -> assertThat(s.actorName()).isEqualTo("provider-staff"));

            Response refused = api.delete(admin, "/api/v1/logs/" + t.id() + "/actors/account/" + DataScope.PROVIDER_TENANT
                    + "/" + staff.principalId() + "/personal-fields");
            // naming the staff member as one of the tenant's own accounts names a key that does not exist
            Response disguised = api.delete(admin, "/api/v1/logs/" + t.id() + "/actors/account/" + t.id() + "/"
                    + staff.principalId() + "/personal-fields");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:steward:problem:actor-trail-protected");
            assertThat(disguised.status()).isEqualTo(404);
            assertThat(sealed(t)).containsAll(before).noneMatch(Sealed::erased);
        }

        @Test
        void erasingAnActorsFieldsNeedsItsOwnPermissionAndTheOwnLog() {
            Tenant t = fixtures.tenant();
            Tenant other = fixtures.tenant();
            Account person = fixtures.account(t, Role.CUSTOMER_USER);
            signIn.password(t.slug(), person.username(), Fixtures.PASSWORD, "203.0.113.9");
            String path = "/actors/account/" + t.id() + "/" + person.id() + "/personal-fields";
            List<Sealed> before = sealed(t);

            assertThat(api.delete(fixtures.token(t, Role.CUSTOMER_USER), "/api/v1/logs/" + t.id() + path).status())
                    .isEqualTo(403);
            assertThat(api.delete(fixtures.token(t, Role.AUDITOR), "/api/v1/logs/" + t.id() + path).status())
                    .isEqualTo(403);
            assertThat(api.delete(fixtures.token(other, Role.CUSTOMER_ADMIN), "/api/v1/logs/" + t.id() + path).status())
                    .isEqualTo(404);
            Response bad = api.delete(fixtures.token(t, Role.CUSTOMER_ADMIN), "/api/v1/logs/" + t.id()
                    + "/actors/anonymous/" + t.id() + "/" + person.id() + "/personal-fields");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
            assertThatThrownBy(() -> erasure.erase(new Caller(t.id(), UUID.randomUUID(), "u", Role.CUSTOMER_USER,
                    Caller.Kind.ACCOUNT), new ActorTrail("account", t.id(), person.id()))).isInstanceOf(Forbidden.class);
            assertThat(sealed(t)).containsAll(before).noneMatch(Sealed::erased);
        }

        private void actOnce(String admin) {
            assertThat(api.post(admin, "/api/v1/accounts", java.util.Map.of("username", Fixtures.unique("clerk"),
                    "displayName", "Clerk", "role", "CUSTOMER_USER", "password", Fixtures.PASSWORD)).status()).isEqualTo(201);
        }

        private List<LogEntryView> entries(Tenant t) {
            return evidence.entries(t.id(), EntryFilter.all(), PageRequest.of(0, 200)).items();
        }

        private List<Sealed> sealed(Tenant t) {
            return entries(t).stream().filter(e -> e.actorName() != null || e.personalErased())
                    .map(e -> new Sealed(e.action(), e.actorName(), e.sourceAddress(), e.personalErased())).toList();
        }

        private long dataKeys(Tenant t) {
            return TenantScope.call(DataScope.tenant(t.id()), () -> jdbc.sql(
                    "SELECT COUNT(*) FROM keys_data_key WHERE tenant_id = ?").param(t.id()).query(Long.class).single());
        }
    }
}
