package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.identity.Account;
import dev.steward.identity.SignIn;
import dev.steward.keys.KeyHierarchy;
import dev.steward.keys.TenantId;
import dev.steward.ledger.merkle.ProofVerifier;
import dev.steward.ledger.merkle.Rfc6962;
import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteVerifier;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * The system log as its readers rely on it: every act leaves an entry in the same transaction (and
 * a rolled-back act none), entries are integrated into a signed Merkle tree whose proofs verify with
 * the published key, personal fields are sealed and read as erased once the actor's key is shredded
 * (the entry still verifies), and a tenant reads its own log only.
 */
class SystemLogIntegrationTest {

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

    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        SystemLog systemLog;
        @Autowired
        EvidenceLog evidence;
        @Autowired
        TransactionTemplate tx;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        KeyHierarchy keys;
        @Autowired
        SignIn signIn;

        @Test
        void anActLeavesAnEntryAndARolledBackActLeavesNone() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.post(admin, "/api/v1/accounts", Map.of("username", "logged-" + UUID.randomUUID().toString().substring(0, 6),
                    "displayName", "Logged", "role", "CUSTOMER_USER", "password", Fixtures.PASSWORD)).status()).isEqualTo(201);
            assertThat(api.send(admin, "PUT", "/api/v1/record-categories",
                    Map.of("categories", List.of("contact", "billing")), Map.of()).status()).isEqualTo(200);
            assertThat(actions(t)).contains("account.created", "token.issued", "tenant.created",
                    "config.record-categories.changed");

            long before = indexRows(t);
            Caller caller = new Caller(t.id(), UUID.randomUUID(), "someone", Role.CUSTOMER_ADMIN, Caller.Kind.ACCOUNT);
            try {
                TenantScope.run(DataScope.tenant(t.id()), () -> tx.executeWithoutResult(s -> {
                    systemLog.record(LogEvent.success(t.id(), caller, "test.act", "thing:1"));
                    throw new IllegalStateException("the act fails after its entry was written");
                }));
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(indexRows(t)).isEqualTo(before);
            assertThat(actions(t)).doesNotContain("test.act");
        }

        @Test
        void entriesAreIntegratedAndTheirProofsVerifyAgainstTheSignedCheckpoint() {
            Tenant t = fixtures.tenant();
            String auditor = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String log = t.id().toString();
            Response entries = await(() -> api.get(auditor, "/api/v1/logs/" + log + "/entries"),
                    r -> r.status() == 200 && allIntegrated(r.json().get("items")));
            JsonNode first = entries.json().get("items").get(0);
            long index = first.get("index").asLong();

            NoteVerifier verifier = NoteVerifier.fromVkey(api.get(auditor, "/api/v1/logs/" + log + "/vkey").body().strip());
            byte[] note = api.get(auditor, "/api/v1/logs/" + log + "/checkpoint").body().getBytes(StandardCharsets.UTF_8);
            Checkpoint cp = Checkpoint.open(note, verifier);
            assertThat(cp.origin()).endsWith("/" + log);
            assertThat(cp.extensions()).anySatisfy(line -> assertThat(line).contains("clock-offset"));

            JsonNode proof = api.get(auditor, "/api/v1/logs/" + log + "/proof/inclusion?index=" + index + "&treeSize=" + cp.size()).json();
            List<byte[]> hashes = new java.util.ArrayList<>();
            proof.get("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
            byte[] leaf = Base64.getDecoder().decode(proof.get("leafHash").asString());
            ProofVerifier.verifyInclusion(leaf, index, cp.size(), hashes, cp.rootHash());

            // The level-0 tile holds the same leaf hash at the entry's position.
            int width = (int) Math.min(256, cp.size());
            String path = "/api/v1/logs/" + log + "/tile/0/000" + (width < 256 ? ".p/" + width : "");
            byte[] tile = api.getBytes(auditor, path);
            assertThat(java.util.Arrays.copyOfRange(tile, (int) index * 32, (int) index * 32 + 32)).isEqualTo(leaf);
            byte[] bundle = api.getBytes(auditor, "/api/v1/logs/" + log + "/tile/entries/000" + (width < 256 ? ".p/" + width : ""));
            assertThat(bundle.length).isGreaterThan(2);
        }

        @Test
        void personalFieldsAreSealedAndReadAsErasedOnceTheActorsKeyIsDestroyed() {
            Tenant t = fixtures.tenant();
            Account person = fixtures.account(t, Role.CUSTOMER_ADMIN);
            String secretName = person.username();
            assertThat(signIn.password(t.slug(), person.username(), Fixtures.PASSWORD, "203.0.113.9"))
                    .isInstanceOf(dev.steward.identity.SignInResult.Accepted.class);
            LogEntryView signin = entries(t).stream().filter(e -> "auth.signin.succeeded".equals(e.action())).findFirst()
                    .orElseThrow();
            assertThat(signin.actorName()).isEqualTo(secretName);
            assertThat(signin.sourceAddress()).isEqualTo("203.0.113.9");
            assertThat(rawEntries(t)).as("entries hold no personal field in clear")
                    .noneMatch(e -> e.contains(secretName) || e.contains("203.0.113.9"));

            TenantScope.run(DataScope.tenant(t.id()), () -> keys.destroySubjectKey(new TenantId(t.id()),
                    keys.actorRef(new TenantId(t.id()), "account/" + t.id() + "/" + person.id())));

            LogEntryView after = entries(t).stream().filter(e -> "auth.signin.succeeded".equals(e.action())).findFirst()
                    .orElseThrow();
            assertThat(after.personalErased()).isTrue();
            assertThat(after.actorName()).isNull();
            assertThat(after.action()).isEqualTo("auth.signin.succeeded");
        }

        @Test
        void refusedSignInsAreLoggedWithoutTheAttemptedNameInClear() {
            Tenant t = fixtures.tenant();
            signIn.password(t.slug(), "mallory-guess", "not the password at all", "198.51.100.23");
            LogEntryView refused = entries(t).stream().filter(e -> "auth.signin.refused".equals(e.action())).findFirst()
                    .orElseThrow();
            assertThat(refused.outcome()).isEqualTo("refused");
            assertThat(refused.object()).isEqualTo("reason=BAD_CREDENTIALS");
            assertThat(refused.actorName()).isEqualTo(t.slug() + "/mallory-guess");
            assertThat(rawEntries(t)).noneMatch(e -> e.contains("mallory-guess"));
        }

        @Test
        void aTenantReadsItsOwnLogOnly() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            String auditorOfA = fixtures.token(a, Role.AUDITOR);
            assertThat(api.get(auditorOfA, "/api/v1/logs/" + a.id() + "/entries").status()).isEqualTo(200);
            assertThat(api.get(auditorOfA, "/api/v1/logs/" + b.id() + "/entries").status()).isEqualTo(404);
            assertThat(api.get(auditorOfA, "/api/v1/logs/provider/checkpoint").status()).isEqualTo(404);
            assertThat(api.get(fixtures.token(a, Role.CUSTOMER_USER), "/api/v1/logs/" + a.id() + "/entries").status())
                    .isEqualTo(403);
        }

        @Test
        void badProofRequestsNameTheFieldAndUnknownLogsAre404() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String log = "/api/v1/logs/" + t.id();
            await(() -> api.get(admin, log + "/checkpoint"), r -> r.status() == 200);
            Response beyond = api.get(admin, log + "/proof/inclusion?index=1000000");
            assertThat(beyond.status()).isEqualTo(400);
            assertThat(beyond.json().get("errors").get(0).get("field").asString()).isEqualTo("index");
            Response backwards = api.get(admin, log + "/proof/consistency?from=2&to=1");
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
            assertThat(api.get(admin, "/api/v1/logs/not-a-log/entries").status()).isEqualTo(404);
            assertThat(api.get(admin, log + "/tile/0/x1/2/3").status()).isEqualTo(404);
            Response badTime = api.get(admin, log + "/entries?from=yesterday");
            assertThat(badTime.status()).isEqualTo(400);
            assertThat(badTime.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        }

        private List<LogEntryView> entries(Tenant t) {
            return evidence.entries(t.id(), EntryFilter.all(), PageRequest.of(0, 200)).items();
        }

        private List<String> actions(Tenant t) {
            return entries(t).stream().map(LogEntryView::action).toList();
        }

        private long indexRows(Tenant t) {
            return TenantScope.call(DataScope.tenant(t.id()), () -> jdbc.sql("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ?")
                    .param(t.id()).query(Long.class).single());
        }

        private List<String> rawEntries(Tenant t) {
            // straight from the ledger's tables: what is stored, not what the API shows
            List<byte[]> rows = TenantScope.call(DataScope.tenant(t.id()), () -> {
                List<byte[]> stored = new java.util.ArrayList<>(jdbc.sql("SELECT entry FROM ledger_pending WHERE tenant_id = ?")
                        .param(t.id()).query((rs, n) -> rs.getBytes(1)).list());
                stored.addAll(jdbc.sql("SELECT entry FROM ledger_entry WHERE tenant_id = ?").param(t.id())
                        .query((rs, n) -> rs.getBytes(1)).list());
                return stored;
            });
            assertThat(rows).isNotEmpty();
            return rows.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        }

        private static boolean allIntegrated(JsonNode items) {
            if (items == null || items.isEmpty()) {
                return false;
            }
            for (JsonNode i : items) {
                if (!i.get("integrated").asBoolean()) {
                    return false;
                }
            }
            return true;
        }

        private static Response await(Supplier<Response> call, Predicate<Response> until) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            Response last = call.get();
            while (!until.test(last) && Instant.now().isBefore(deadline)) {
                last = call.get();
            }
            assertThat(until.test(last)).as("condition reached before the deadline: " + last.body()).isTrue();
            return last;
        }
    }
}
