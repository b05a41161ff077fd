package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The Idempotency-Key cache never holds or replays a secret (SEC-2), and a retry still never acts
 * twice (SEC-1); problems name the request's real path, which the cache does not store.
 */
class IdempotencySecretsIntegrationTest {

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
        JdbcClient jdbc;

        List<String> cachedBodies(Tenant tenant) {
            return TenantScope.call(DataScope.tenant(tenant.id()), () -> jdbc
                    .sql("SELECT body FROM idempotency_keys WHERE tenant_id = ?").param(tenant.id())
                    .query(String.class).list());
        }

        @Test
        void replayedTokenIssueNeverHandsOutTheSecretAgainAndIssuesNoSecondToken() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String name = Fixtures.unique("ci");
            var body = Map.of("name", name, "role", "CUSTOMER_USER", "expiresInDays", 1);
            var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

            Response first = api.send(admin, "POST", "/api/v1/tokens", body, key);
            assertThat(first.status()).isEqualTo(201);
            String secret = first.json().get("secret").asString();
            assertThat(secret).startsWith("stw_");
            Response retry = api.send(admin, "POST", "/api/v1/tokens", body, key);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.header("Idempotent-Withheld")).isEqualTo("secret");
            assertThat(retry.body()).doesNotContain(secret);
            assertThat(retry.json().has("secret")).isFalse();
            assertThat(retry.json().get("token").get("id").asString())
                    .isEqualTo(first.json().get("token").get("id").asString());
            long issued = 0;
            for (var t : api.get(admin, "/api/v1/tokens?size=200").json().get("items")) {
                issued += name.equals(t.get("name").asString()) ? 1 : 0;
            }
            assertThat(issued).as("tokens named " + name).isEqualTo(1);
            List<String> cached = cachedBodies(tenant);
            assertThat(cached).as("positive control: the answer is cached, by token id")
                    .anyMatch(b -> b != null && b.contains(first.json().get("token").get("id").asString()));
            assertThat(cached).noneMatch(b -> b != null && b.contains(secret));
            // the issued token works: withholding it from the cache did not spoil it
            assertThat(api.get(secret, "/api/v1/me").status()).isEqualTo(200);
        }

        @Test
        void replayedBundleRequestWithholdsTheSingleUseDownloadLink() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            var body = Map.of("from", "2020-01-01T00:00:00Z", "to", "2100-01-01T00:00:00Z");
            var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

            Response first = api.send(admin, "POST", "/api/v1/evidence/bundles", body, key);
            assertThat(first.status()).isEqualTo(201);
            String download = first.json().get("download").asString();
            String token = download.substring(download.indexOf("token=") + "token=".length());
            Response retry = api.send(admin, "POST", "/api/v1/evidence/bundles", body, key);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Withheld")).isEqualTo("download");
            assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
            assertThat(retry.body()).doesNotContain(token);
            assertThat(cachedBodies(tenant)).isNotEmpty().noneMatch(b -> b != null && b.contains(token));
        }

        @Test
        void replayedInvitationWithholdsItsOneTimeLinkAndInvitesOnce() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            var body = Map.of("username", Fixtures.unique("invitee"), "displayName", "Invited person",
                    "role", "CUSTOMER_USER");
            var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

            Response first = api.send(admin, "POST", "/api/v1/invitations", body, key);
            assertThat(first.status()).as(first.body()).isEqualTo(201);
            String link = first.json().get("link").asString();
            String secret = link.substring(link.lastIndexOf('/') + 1);
            assertThat(first.header("Location")).as("the link never travels in a header").isNull();
            Response retry = api.send(admin, "POST", "/api/v1/invitations", body, key);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Withheld")).isEqualTo("link");
            assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
            assertThat(retry.body()).doesNotContain(secret);
            assertThat(cachedBodies(tenant)).as("positive control: the answer is cached, by invitation id")
                    .anyMatch(b -> b != null && b.contains(first.json().get("id").asString()))
                    .noneMatch(b -> b != null && b.contains(secret));
            assertThat(api.get(null, link).status()).as("the link still opens").isEqualTo(200);
        }

        @Test
        void aProblemNamesTheRealPathAndTheCacheKeepsNoSubjectId() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String subject = Fixtures.unique("instance");
            String path = "/api/v1/subjects/" + subject + "/records";
            var body = Map.of("category", "horoscope", "purpose", "contract", "document", Map.of("a", 1));
            var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

            Response refused = api.send(admin, "POST", path, body, key);
            Response replayed = api.send(admin, "POST", path, body, key);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("instance").asString()).isEqualTo(path);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.json().get("instance").asString()).isEqualTo(path);
            assertThat(replayed.json().get("type").asString()).isEqualTo(refused.json().get("type").asString());
            List<String> cached = cachedBodies(tenant);
            assertThat(cached).as("positive control: the problem is cached").anyMatch(b -> b != null && b.contains("category"));
            assertThat(cached).noneMatch(b -> b != null && b.contains(subject));

            Response unknown = api.get(admin, "/api/v1/records/" + UUID.randomUUID() + "?purpose=support");
            assertThat(unknown.json().get("instance").asString()).startsWith("/api/v1/records/").doesNotContain("{");
            Response unauthenticated = api.get(null, "/api/v1/tokens");
            assertThat(unauthenticated.status()).isEqualTo(401);
            assertThat(unauthenticated.json().get("instance").asString()).isEqualTo("/api/v1/tokens");
        }
    }
}
