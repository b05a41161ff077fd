package dev.steward.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.evidence.internal.BundleFiles;
import dev.steward.evidence.internal.StoredBundles;
import dev.steward.ledger.verify.BundleVerifier;
import dev.steward.ledger.verify.VerificationReport;
import dev.steward.platform.DataScope;
import dev.steward.platform.PageRequest;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

class EvidenceBundleIntegrationTest {

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
        EvidenceBundles bundles;

        @Autowired
        EvidenceLog logs;

        @Autowired
        BundleFiles files;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        StoredBundles stored;

        record Download(int status, String contentType, byte[] body) {
        }

        private Download download(String token, String link) {
            HttpClient http = HttpClient.newBuilder().sslContext(ApiClient.trustAll())
                    .sslParameters(noHostnameCheck()).build();
            try {
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + link))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
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

        /** A customer tenant whose admin created an account (a logged act) between the returned instants. */
        record Acted(Tenant tenant, String admin, String accountId, Instant from, Instant to) {
        }

        private Acted tenantWithLoggedAct() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            Instant from = Instant.now();
            Response created = api.post(admin, "/api/v1/accounts", Map.of("username", Fixtures.unique("clerk"),
                    "displayName", "Clerk", "role", "CUSTOMER_USER", "password", Fixtures.PASSWORD));
            assertThat(created.status()).isEqualTo(201);
            Instant to = Instant.now().plusMillis(1);
            return new Acted(t, admin, created.json().get("id").asString(), from, to);
        }

        private static Map<String, Object> range(Instant from, Instant to) {
            return Map.of("from", from.toString(), "to", to.toString());
        }

        private Path save(byte[] zip) throws IOException {
            Path p = Files.createTempFile("bundle", ".zip");
            Files.write(p, zip);
            return p;
        }

        private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                    out.put(e.getName(), z.readAllBytes());
                }
            }
            return out;
        }

        /** The same archive with one byte of {@code name} flipped, checksums recomputed (a careful forger). */
        private static byte[] flipOneByte(byte[] zip, String name) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (var e : unzip(zip).entrySet()) {
                    byte[] data = e.getValue().clone();
                    if (e.getKey().equals(name)) {
                        data[data.length / 2] ^= 0x01;
                    }
                    ZipEntry z = new ZipEntry(e.getKey());
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(data.length);
                    z.setCompressedSize(data.length);
                    z.setCrc(crc.getValue());
                    out.putNextEntry(z);
                    out.write(data);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        }

        private List<LogEntryView> logged(UUID tenant, String action) {
            return logs.entries(tenant, new EntryFilter(null, null, null, action, null), PageRequest.of(0, 100)).items();
        }

        @Test
        void customerAdminGetsAVerifiableBundleOfItsLoggedActsOnce() throws IOException {
            Acted a = tenantWithLoggedAct();
            Response requested = api.post(a.admin(), "/api/v1/evidence/bundles", range(a.from(), a.to()));
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            String id = requested.json().get("id").asString();
            String link = requested.json().get("download").asString();
            assertThat(requested.json().get("state").asString()).isEqualTo("READY");
            assertThat(requested.json().get("entries").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(link).startsWith("/api/v1/evidence/bundles/" + id + "/download?token=");
            Instant expiresAt = Instant.parse(requested.json().get("expiresAt").asString());
            assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

            Path stored = files.path(a.tenant().id(), UUID.fromString(id));
            assertThat(stored).exists();
            if (Files.getFileStore(stored).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored))).isEqualTo("rw-------");
            }
            // the token alone is never stored
            String tokenHash = TenantScope.call(DataScope.tenant(a.tenant().id()), () -> jdbc
                    .sql("SELECT token_hash FROM evidence_bundles WHERE tenant_id = ? AND bundle_id = ?")
                    .params(a.tenant().id(), UUID.fromString(id)).query(String.class).single());
            assertThat(link).doesNotContain(tokenHash);
            assertThat(tokenHash).hasSize(64);

            Download first = download(a.admin(), link);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).isEqualTo("application/zip");
            Path zip = save(first.body());
            VerificationReport report = BundleVerifier.verify(zip, logs.vkey());
            assertThat(report.failure()).isNull();
            assertThat(report.ok()).isTrue();

            Map<String, byte[]> content = unzip(first.body());
            String entryName = content.entrySet().stream().filter(e -> e.getKey().startsWith("entries/"))
                    .filter(e -> new String(e.getValue(), StandardCharsets.UTF_8).contains("\"account.created\""))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(new String(content.get(entryName), StandardCharsets.UTF_8)).contains(a.accountId());
            assertThat(content).containsKeys("README.txt", "vkey", "checkpoint", "latest-checkpoint", "consistency");

            VerificationReport forged = BundleVerifier.verify(save(flipOneByte(first.body(), entryName)));
            assertThat(forged.ok()).isFalse();
            assertThat(forged.failure()).contains(entryName.substring("entries/".length()));

            Download again = download(a.admin(), link);
            assertThat(again.status()).isEqualTo(410);
            assertThat(new String(again.body(), StandardCharsets.UTF_8)).contains("urn:steward:problem:bundle-gone");
            assertThat(stored).doesNotExist();

            Response listed = api.get(a.admin(), "/api/v1/evidence/bundles");
            var item = listed.json().get("items").get(0);
            assertThat(item.get("id").asString()).isEqualTo(id);
            assertThat(item.get("state").asString()).isEqualTo("DOWNLOADED");
            assertThat(item.get("deletedAt")).isNotNull();
            assertThat(item.get("download")).isNull();

            assertThat(logged(a.tenant().id(), "evidence.bundle.requested")).extracting(LogEntryView::object)
                    .anyMatch(o -> o.startsWith("bundle:" + id));
            assertThat(logged(a.tenant().id(), "evidence.bundle.downloaded")).extracting(LogEntryView::object)
                    .containsExactly("bundle:" + id);
            assertThat(logged(a.tenant().id(), "evidence.bundle.deleted")).extracting(LogEntryView::object)
                    .containsExactly("bundle:" + id + " reason=downloaded");
        }

        @Test
        void anotherTenantNeitherSeesNorDownloadsTheBundle() {
            Acted a = tenantWithLoggedAct();
            Response requested = api.post(a.admin(), "/api/v1/evidence/bundles", range(a.from(), a.to()));
            String id = requested.json().get("id").asString();
            String link = requested.json().get("download").asString();

            Tenant other = fixtures.tenant();
            String intruder = fixtures.token(other, Role.CUSTOMER_ADMIN);
            assertThat(download(intruder, link).status()).isEqualTo(404);
            assertThat(api.post(intruder, "/api/v1/evidence/bundles/" + id + "/approve", null).status()).isEqualTo(404);
            assertThat(api.get(intruder, "/api/v1/evidence/bundles").body()).doesNotContain(id);
            // a customer user of the same tenant has no EVIDENCE_READ, even with the link
            assertThat(download(fixtures.token(a.tenant(), Role.CUSTOMER_USER), link).status()).isEqualTo(403);
            // provider staff do not download a customer's bundle either
            assertThat(download(fixtures.token(fixtures.provider(), Role.SECURITY_OFFICER), link).status()).isEqualTo(404);
            // a wrong token on the right bundle is refused and spends nothing
            String wrong = link.substring(0, link.indexOf("token=") + 6) + "x" + link.substring(link.indexOf("token=") + 7);
            assertThat(download(a.admin(), wrong).status()).isEqualTo(403);
            assertThat(download(a.admin(), link).status()).isEqualTo(200);
        }

        @Test
        void providerRequestedBundleWaitsForTheCustomerAdministratorsApproval() throws IOException {
            Acted a = tenantWithLoggedAct();
            String officer = fixtures.token(fixtures.provider(), Role.SECURITY_OFFICER);
            Response requested = api.post(officer, "/api/v1/tenants/" + a.tenant().id() + "/evidence/bundles",
                    range(a.from(), a.to()));
            assertThat(requested.status()).as(requested.body()).isEqualTo(201);
            assertThat(requested.json().get("state").asString()).isEqualTo("PENDING_APPROVAL");
            assertThat(requested.json().get("download")).isNull();
            String id = requested.json().get("id").asString();
            assertThat(files.path(a.tenant().id(), UUID.fromString(id))).doesNotExist();

            Response early = api.get(a.admin(), "/api/v1/evidence/bundles/" + id + "/download?token=guess");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.json().get("type").asString()).isEqualTo("urn:steward:problem:bundle-not-approved");
            // only the customer administrator approves: not the provider, not a customer auditor
            assertThat(api.post(officer, "/api/v1/evidence/bundles/" + id + "/approve", null).status()).isEqualTo(403);
            assertThat(api.post(fixtures.token(a.tenant(), Role.AUDITOR), "/api/v1/evidence/bundles/" + id + "/approve",
                    null).status()).isEqualTo(403);
            // a customer cannot ask on another tenant's behalf
            assertThat(api.post(a.admin(), "/api/v1/tenants/" + a.tenant().id() + "/evidence/bundles",
                    range(a.from(), a.to())).status()).isEqualTo(403);
            assertThat(api.get(officer, "/api/v1/tenants/" + a.tenant().id() + "/evidence/bundles").json()
                    .get("items").get(0).get("id").asString()).isEqualTo(id);

            Response approved = api.post(a.admin(), "/api/v1/evidence/bundles/" + id + "/approve", null);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("state").asString()).isEqualTo("READY");
            assertThat(approved.json().get("approvedBy").asString()).startsWith("token:");
            Response twice = api.post(a.admin(), "/api/v1/evidence/bundles/" + id + "/approve", null);
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.json().get("type").asString()).isEqualTo("urn:steward:problem:bundle-not-awaiting-approval");

            Download got = download(a.admin(), approved.json().get("download").asString());
            assertThat(got.status()).isEqualTo(200);
            assertThat(BundleVerifier.verify(save(got.body())).ok()).isTrue();
            assertThat(logged(a.tenant().id(), "evidence.bundle.approved")).extracting(LogEntryView::object)
                    .containsExactly("bundle:" + id);
            assertThat(logged(a.tenant().id(), "evidence.bundle.requested")).singleElement()
                    .satisfies(e -> assertThat(e.actor()).containsEntry("role", "SECURITY_OFFICER"));
        }

        @Test
        void aBundleStillBeingBuiltIsNeitherDownloadedNorApprovedNorMovedOutOfTurn() {
            Acted a = tenantWithLoggedAct();
            UUID tenant = a.tenant().id();
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            TenantScope.call(DataScope.tenant(tenant), () -> {
                stored.insert(tenant, id, BundleState.BUILDING, "account:builder@" + tenant,
                        new BundleRequest(a.from(), a.to(), null, null, null), false, now, now.plus(Duration.ofHours(1)));
                return null;
            });

            Response early = api.get(a.admin(), "/api/v1/evidence/bundles/" + id + "/download?token=guess");
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.json().get("type").asString()).isEqualTo("urn:steward:problem:bundle-still-building");
            Response approve = api.post(a.admin(), "/api/v1/evidence/bundles/" + id + "/approve", null);
            assertThat(approve.status()).isEqualTo(409);
            assertThat(approve.json().get("type").asString()).isEqualTo("urn:steward:problem:bundle-not-awaiting-approval");
            // a download spends only a READY bundle: the conditional move out of BUILDING does not happen
            assertThat(TenantScope.call(DataScope.tenant(tenant), () -> stored.downloaded(tenant, id, now))).isFalse();
            assertThat(TenantScope.call(DataScope.tenant(tenant), () -> stored.find(tenant, id)).orElseThrow().state())
                    .isEqualTo(BundleState.BUILDING);
            assertThat(logged(tenant, "evidence.bundle.approved")).isEmpty();
            assertThat(logged(tenant, "evidence.bundle.downloaded")).isEmpty();
        }

        @Test
        void expirySweepDeletesTheFileAndTheLinkIsGone() {
            Acted a = tenantWithLoggedAct();
            Response requested = api.post(a.admin(), "/api/v1/evidence/bundles", range(a.from(), a.to()));
            UUID id = UUID.fromString(requested.json().get("id").asString());
            Path stored = files.path(a.tenant().id(), id);
            assertThat(stored).exists();

            assertThat(bundles.sweep(Instant.now())).as("nothing is due yet").isGreaterThanOrEqualTo(0);
            assertThat(stored).exists();
            assertThat(bundles.sweep(Instant.now().plus(Duration.ofHours(25)))).isGreaterThanOrEqualTo(1);
            assertThat(stored).doesNotExist();

            var row = TenantScope.call(DataScope.tenant(a.tenant().id()), () -> jdbc
                    .sql("SELECT state, deleted_at FROM evidence_bundles WHERE tenant_id = ? AND bundle_id = ?")
                    .params(a.tenant().id(), id)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class))).single());
            assertThat(row.getKey()).isEqualTo("EXPIRED");
            assertThat(row.getValue()).isNotNull();
            Download late = download(a.admin(), requested.json().get("download").asString());
            assertThat(late.status()).isEqualTo(410);
            assertThat(logged(a.tenant().id(), "evidence.bundle.deleted")).extracting(LogEntryView::object)
                    .containsExactly("bundle:" + id + " reason=expired");
        }

        @Test
        void badRequestsChangeNothingAndAnEmptyRangeGivesAValidEmptyBundle() throws IOException {
            Acted a = tenantWithLoggedAct();
            Response backwards = api.post(a.admin(), "/api/v1/evidence/bundles", range(a.to(), a.from()));
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.json().get("detail").asString()).startsWith("to:");
            Response unknown = api.post(a.admin(), "/api/v1/evidence/bundles",
                    Map.of("from", a.from().toString(), "to", a.to().toString(), "colour", "red"));
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("detail").asString()).startsWith("colour:");
            assertThat(api.post(a.admin(), "/api/v1/evidence/bundles", Map.of("from", "yesterday", "to", a.to().toString()))
                    .json().get("detail").asString()).startsWith("from:");
            assertThat(api.post(a.admin(), "/api/v1/evidence/bundles",
                    Map.of("from", a.from().toString(), "to", a.to().toString(), "actor", "bob")).status()).isEqualTo(400);
            assertThat(api.get(a.admin(), "/api/v1/evidence/bundles").json().get("total").asInt()).isZero();
            assertThat(logged(a.tenant().id(), "evidence.bundle.requested")).isEmpty();

            Response empty = api.post(a.admin(), "/api/v1/evidence/bundles",
                    Map.of("from", "2001-01-01T00:00:00Z", "to", "2001-01-02T00:00:00Z"));
            assertThat(empty.status()).isEqualTo(201);
            assertThat(empty.json().get("entries").asInt()).isZero();
            Download got = download(a.admin(), empty.json().get("download").asString());
            assertThat(BundleVerifier.verify(save(got.body())).ok()).isTrue();

            Response filtered = api.post(a.admin(), "/api/v1/evidence/bundles",
                    Map.of("from", a.from().toString(), "to", a.to().toString(), "action", "account.created"));
            assertThat(filtered.json().get("entries").asInt()).isEqualTo(1);
        }
    }
}
