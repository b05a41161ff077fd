package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.notices.internal.PersonNoticeSeal;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.support.TestPostgres;
import dev.steward.tenancy.Tenant;

/**
 * Canary: personal values written through the API must never lie in plaintext (nor as base64 or
 * hex) in the database files, a pg_dump, the idempotency cache, the server's log output or temporary
 * files; nor may the secrets the API shows once (an API token, a bundle's single-use download link).
 */
class RecordCanaryIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2_FILE)
    class OnH2File extends Cases {

        @Override
        List<byte[]> databaseImages() throws IOException {
            jdbc.sql("CHECKPOINT SYNC").update();
            Path dir = dataDir().resolve("db");
            try (Stream<Path> files = Files.walk(dir)) {
                List<byte[]> out = new ArrayList<>();
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    out.add(Files.readAllBytes(f));
                }
                assertThat(out).as("the H2 database file under " + dir).isNotEmpty();
                return out;
            }
        }
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {

        @Override
        List<byte[]> databaseImages() throws Exception {
            String url = env.getRequiredProperty("spring.datasource.url");
            String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*$", "");
            TestPostgres pg = TestPostgres.configured();
            ProcessBuilder pgDump = new ProcessBuilder("/usr/bin/pg_dump", "-h", pg.host(), "-p", String.valueOf(pg.port()),
                    "-U", pg.adminUser(), "--no-password", database);
            pgDump.environment().put("PGPASSWORD", pg.adminPassword());
            Process dump = pgDump.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] sql = dump.getInputStream().readAllBytes();
            assertThat(dump.waitFor()).as("pg_dump exit code").isZero();
            assertThat(new String(sql, StandardCharsets.UTF_8)).contains("COPY public.records");
            return List.of(sql);
        }
    }

    @ExtendWith(OutputCaptureExtension.class)
    abstract static class Cases extends IntegrationTestBase {

        @Autowired
        JdbcClient jdbc;

        @Autowired
        Environment env;

        @Autowired
        SubjectErasure erasure;

        @Autowired
        dev.steward.rights.SelfService selfService;

        @Autowired
        dev.steward.complaints.ComplaintForm complaintForm;

        abstract List<byte[]> databaseImages() throws Exception;

        Path dataDir() {
            return Path.of(env.getRequiredProperty("steward.data-dir"));
        }

        @Test
        void noCanaryLiesInPlaintextInTheDatabaseItsLogsOrTemporaryFiles(CapturedOutput output) throws Exception {
            Instant started = Instant.now().minusSeconds(2);
            String canary = "Canary" + UUID.randomUUID().toString().replace("-", "");
            String correctedCanary = "Corrected" + UUID.randomUUID().toString().replace("-", "");
            String importedCanary = "Imported" + UUID.randomUUID().toString().replace("-", "");
            // the requesters' and complainants' address: it is in the notices sent to them, sealed in the outbox
            String address = "mail" + UUID.randomUUID().toString().replace("-", "") + "@example.org";
            String subjectCanary = "Subject" + UUID.randomUUID().toString().replace("-", "");
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String subjectPath = "/api/v1/subjects/" + subjectCanary;

            Response created = api.send(token, "POST", subjectPath + "/records", Map.of("category", "identity",
                    "purpose", "contract", "document", Map.of("name", canary, "note", "canary record")),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(api.get(token, "/api/v1/records/" + id + "?purpose=support").body()).contains(canary);
            assertThat(api.send(token, "PUT", "/api/v1/records/" + id, Map.of("document", Map.of("name", correctedCanary)),
                    Map.of()).status()).isEqualTo(200);
            assertThat(api.get(token, "/api/v1/records/" + id + "/versions?purpose=support").body())
                    .contains(canary, correctedCanary);
            assertThat(api.sendRaw(token, "POST", "/api/v1/records:import?purpose=contract",
                    "{\"subjectId\":\"" + subjectCanary + "\",\"category\":\"contact\",\"document\":{\"e\":\""
                            + importedCanary + "\"}}\n{\"subjectId\":\"" + subjectCanary + "\",\"category\":\"nope\","
                            + "\"document\":{\"e\":\"" + importedCanary + "\"}}\n",
                    "application/x-ndjson", Map.of()).json().get("stored").asInt()).isEqualTo(1);
            assertThat(api.get(token, subjectPath + "/records:export?purpose=support").body()).contains(importedCanary);
            // failures must not echo the value into logs or problems either; the problem names the real
            // path (the caller's own subject id), which the idempotency cache must not keep
            Response refused = api.send(token, "POST", subjectPath + "/records", Map.of("category", "horoscope",
                    "purpose", "contract", "document", Map.of("name", canary)),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(refused.body()).doesNotContain(canary);
            assertThat(refused.json().get("instance").asString()).isEqualTo(subjectPath + "/records");
            // secrets shown once (an API token, a bundle's single-use link) must not be kept by the idempotency cache
            Response issued = api.send(token, "POST", "/api/v1/tokens", Map.of("name", "canary", "role", "CUSTOMER_USER",
                    "expiresInDays", 1), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(issued.status()).isEqualTo(201);
            String tokenSecret = issued.json().get("secret").asString();
            String tokenId = issued.json().get("token").get("id").asString();
            Response bundle = api.send(token, "POST", "/api/v1/evidence/bundles", Map.of("from", "2020-01-01T00:00:00Z",
                    "to", "2100-01-01T00:00:00Z"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(bundle.status()).isEqualTo(201);
            String link = bundle.json().get("download").asString();
            String downloadToken = link.substring(link.indexOf("token=") + "token=".length());
            Response malformed = api.sendRaw(token, "POST", subjectPath + "/records", "{\"document\": {\"x\": \""
                    + canary + "\"", "application/json", Map.of());
            assertThat(malformed.body()).doesNotContain(canary);
            // a data-subject request and a self-service form carry the requester's words: sealed, like records
            assertThat(api.post(token, "/api/v1/rights/requests", Map.of("type", "access", "subjectId", subjectCanary,
                    "channel", "letter", "requester", Map.of("name", canary, "email", address),
                    "details", canary)).status()).isEqualTo(201);
            selfService.submit(tenant.slug(), "192.0.2.1", "erasure", canary, address, canary);
            // a complaint carries the complainant's name and words, and its notes: sealed per complaint
            Response complaint = api.post(token, "/api/v1/complaints", Map.of("channel", "post", "complainant",
                    Map.of("name", canary), "text", canary));
            assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
            assertThat(api.post(token, "/api/v1/complaints/" + complaint.json().get("id").asString() + "/notes",
                    Map.of("note", canary)).status()).isEqualTo(200);
            complaintForm.submit(tenant.slug(), "192.0.2.2", canary, address, canary);
            // an erased subject of its own, so the purge has something to log
            String other = Fixtures.unique("erased");
            api.post(token, "/api/v1/subjects/" + other + "/records", Map.of("category", "usage", "purpose", "contract",
                    "document", Map.of("v", canary)));
            assertThat(api.delete(token, "/api/v1/subjects/" + other).status()).isEqualTo(200);
            assertThat(erasure.purgeErased()).isPositive();

            assertThat(TenantScope.call(DataScope.tenant(tenant.id()), () -> jdbc.sql("SELECT COUNT(*) FROM"
                    + " notice_deliveries WHERE tenant_id = ? AND recipient = ? AND sealed_recipient IS NOT NULL")
                    .params(tenant.id(), PersonNoticeSeal.PLACEHOLDER).query(Long.class).single()))
                    .as("positive control: the requesters were written to, and the outbox holds those emails")
                    .isGreaterThanOrEqualTo(3);
            List<String> needles = new ArrayList<>();
            for (String value : List.of(canary, correctedCanary, importedCanary, subjectCanary, tokenSecret,
                    downloadToken, address)) {
                needles.addAll(forms(value));
            }
            List<String> found = new ArrayList<>();
            List<String> control = new ArrayList<>();
            List<String> cached = TenantScope.call(DataScope.tenant(tenant.id()), () -> jdbc
                    .sql("SELECT COALESCE(body, '') || ' ' || COALESCE(withheld, '') FROM idempotency_keys"
                            + " WHERE tenant_id = ?").param(tenant.id()).query(String.class).list());
            for (String row : cached) {
                scan("idempotency_keys", row.getBytes(StandardCharsets.UTF_8), needles, found);
                scan("idempotency_keys", row.getBytes(StandardCharsets.UTF_8), List.of(tokenId), control);
            }
            assertThat(control).as("positive control: the idempotency scan sees the cached token answer").isNotEmpty();
            control.clear();
            String subjectRef = created.json().get("subjectRef").asString();
            for (byte[] image : databaseImages()) {
                scan("database", image, needles, found);
                scan("database", image, List.of(subjectRef), control);
            }
            assertThat(control).as("positive control: the scan sees what is stored in clear (the pseudonym)").isNotEmpty();
            assertThat(output.getAll()).as("the captured server log").contains("purged");
            scan("log output", output.getAll().getBytes(StandardCharsets.UTF_8), needles, found);
            for (Path root : List.of(dataDir(), Path.of(System.getProperty("java.io.tmpdir")))) {
                for (Path file : recentFiles(root, started)) {
                    try {
                        scan(file.toString(), Files.readAllBytes(file), needles, found);
                    } catch (IOException unreadable) {
                        // another user's file, or gone meanwhile
                    }
                }
            }
            assertThat(found).as("places where a canary lies in plaintext").isEmpty();
        }

        /** The value as text, base64 (at each of the three alignments) and hex. */
        static List<String> forms(String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            List<String> forms = new ArrayList<>(List.of(value, HexFormat.of().formatHex(bytes),
                    HexFormat.of().withUpperCase().formatHex(bytes)));
            for (int shift = 0; shift < 3; shift++) {
                byte[] shifted = new byte[bytes.length + shift];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                String b64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
                // leave out the characters that depend on the neighbouring bytes
                forms.add(b64.substring(4, b64.length() - 4));
            }
            return forms;
        }

        static void scan(String where, byte[] content, List<String> needles, List<String> found) {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            for (String needle : needles) {
                if (text.contains(needle)) {
                    found.add(where + " contains " + needle);
                }
            }
        }

        static List<Path> recentFiles(Path root, Instant since) throws IOException {
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                    if (a.isRegularFile() && a.size() < 200_000_000L
                            && a.lastModifiedTime().compareTo(FileTime.from(since)) >= 0) {
                        out.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
            return out;
        }
    }
}
