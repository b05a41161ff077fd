package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.ledger.note.Checkpoint;
import dev.steward.ledger.note.NoteVerifier;
import dev.steward.ledger.verify.BundleVerifier;
import dev.steward.ledger.verify.VerificationReport;
import dev.steward.ledger.verify.VerifyOptions;
import dev.steward.platform.Role;
import dev.steward.support.ApiClient;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Log keys an outside auditor fetches without credentials and independently of any bundle: each log
 * signs under a key named its origin, published at /.well-known/steward/logs; a bundle verifies
 * against that pinned key, claims its log and tenant, and, asked with {@code since}, proves that the
 * log extends a checkpoint the customer saved.
 */
class PublishedLogKeysIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        @Test
        void logKeysArePublishedWithoutCredentialsAndNamedTheirOrigin() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String log = t.id().toString();
            actOnce(admin);
            byte[] note = await(() -> api.get(admin, "/api/v1/logs/" + log + "/checkpoint"), r -> r.status() == 200)
                    .body().getBytes(StandardCharsets.UTF_8);

            Response published = api.get(null, "/.well-known/steward/logs/" + log + "/vkey");
            assertThat(published.status()).isEqualTo(200);
            NoteVerifier key = NoteVerifier.fromVkey(published.body().strip());
            Checkpoint cp = Checkpoint.open(note, key);
            assertThat(key.name()).isEqualTo(cp.origin()).endsWith("/" + log);
            assertThat(api.get(admin, "/api/v1/logs/" + log + "/vkey").body().strip()).isEqualTo(published.body().strip());

            Response all = api.get(null, "/.well-known/steward/logs");
            assertThat(all.status()).isEqualTo(200);
            assertThat(all.json().get("logs").get(0).get("log").asString()).isEqualTo("provider");
            NoteVerifier provider = NoteVerifier.fromVkey(all.json().get("logs").get(0).get("vkey").asString());
            assertThat(provider.name()).isEqualTo(all.json().get("logs").get(0).get("origin").asString());
            // the install key co-signs: a key pinned before log keys existed still verifies
            assertThat(Checkpoint.open(note, NoteVerifier.fromVkey(all.json().get("installKey").asString())).origin())
                    .isEqualTo(cp.origin());
            assertThat(all.body()).doesNotContain(log);

            // any well-formed id answers, so the endpoint reveals no tenant; junk is 404
            assertThat(api.get(null, "/.well-known/steward/logs/" + UUID.randomUUID() + "/vkey").status()).isEqualTo(200);
            assertThat(api.get(null, "/.well-known/steward/logs/not-a-log/vkey").status()).isEqualTo(404);
        }

        @Test
        void aBundleVerifiesAgainstThePublishedKeyAndProvesItExtendsASavedCheckpoint() throws IOException {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            String log = t.id().toString();
            Instant from = Instant.now().minusSeconds(60);
            actOnce(admin);
            byte[] saved = await(() -> api.get(admin, "/api/v1/logs/" + log + "/checkpoint"), r -> r.status() == 200)
                    .body().getBytes(StandardCharsets.UTF_8);
            String vkey = api.get(null, "/.well-known/steward/logs/" + log + "/vkey").body().strip();
            long savedSize = Checkpoint.open(saved, NoteVerifier.fromVkey(vkey)).size();
            actOnce(admin);
            actOnce(admin);

            Response requested = api.post(admin, "/api/v1/evidence/bundles", Map.of("from", from.toString(), "to",
                    Instant.now().plusSeconds(60).toString(), "since", savedSize));
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            Path zip = Files.createTempFile("bundle", ".zip");
            Files.write(zip, download(admin, requested.json().get("download").asString()));

            VerificationReport report = BundleVerifier.verify(zip, VerifyOptions.trusting(vkey).since(saved).expectingLog(log));
            assertThat(report.failure()).isNull();
            assertThat(String.join("\n", report.checked())).contains("claims log " + log + " of tenant " + log,
                    "each of tenant " + log, "extends your checkpoint of size " + savedSize);
            assertThat(BundleVerifier.verify(zip, VerifyOptions.trusting(vkey).expectingLog(UUID.randomUUID().toString()))
                    .failure()).startsWith("log: the bundle is of log " + log);
            String otherLogsKey = api.get(null, "/.well-known/steward/logs/" + fixtures.tenant().id() + "/vkey").body().strip();
            assertThat(BundleVerifier.verify(zip, VerifyOptions.trusting(otherLogsKey)).failure())
                    .startsWith("checkpoint: not signed by any trusted key");
        }

        @Test
        void aSinceBeyondTheLogIsRefusedNamingTheFieldAndChangesNothing() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            actOnce(admin);
            String from = Instant.now().minusSeconds(60).toString();
            String to = Instant.now().plusSeconds(60).toString();
            long before = api.get(admin, "/api/v1/evidence/bundles").json().get("total").asLong();

            Response beyond = api.post(admin, "/api/v1/evidence/bundles", Map.of("from", from, "to", to, "since", 1_000_000));
            Response negative = api.post(admin, "/api/v1/evidence/bundles", Map.of("from", from, "to", to, "since", -1));
            Response text = api.post(admin, "/api/v1/evidence/bundles", Map.of("from", from, "to", to, "since", "ten"));

            for (Response r : java.util.List.of(beyond, negative, text)) {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("since");
            }
            assertThat(api.get(admin, "/api/v1/evidence/bundles").json().get("total").asLong()).isEqualTo(before);
        }

        private void actOnce(String admin) {
            assertThat(api.post(admin, "/api/v1/accounts", Map.of("username", Fixtures.unique("clerk"), "displayName",
                    "Clerk", "role", "CUSTOMER_USER", "password", Fixtures.PASSWORD)).status()).isEqualTo(201);
        }

        private byte[] download(String token, String link) {
            HttpClient http = HttpClient.newBuilder().sslContext(ApiClient.trustAll()).sslParameters(noHostnameCheck()).build();
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + link))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).isEqualTo(200);
                return r.body();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static javax.net.ssl.SSLParameters noHostnameCheck() {
            javax.net.ssl.SSLParameters p = new javax.net.ssl.SSLParameters();
            p.setEndpointIdentificationAlgorithm(null);
            return p;
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
