package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;


import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.icegreen.greenmail.util.GreenMail;

import dev.steward.notices.internal.DeliveryJob;
import dev.steward.platform.DataScope;
import dev.steward.platform.Job;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.CitusCondition;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.support.TestMail;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * Fulfilment of access, portability and rectification requests end to end through the API (issue
 * 11): the subject's records read through the records feature, the result sealed behind a
 * single-use, expiring link emailed to the requester, downloaded once over HTTP, deleted at expiry.
 */
class RightsFulfilmentIntegrationTest {

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

        static final String REQUESTS = "/api/v1/rights/requests";
        static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/privacy/[^/\\s]+/downloads/[A-Za-z0-9_-]+)");

        @Autowired
        JdbcClient jdbc;
        @Autowired
        DeliveryJob deliveries;
        @Autowired
        List<Job> jobs;

        GreenMail mail;

        @BeforeEach
        void mailbox() throws Exception {
            mail = TestMail.start();
            mail.purgeEmailFromAllMailboxes();
        }

        record Subject(Tenant tenant, String admin, String id, List<String> records) {
        }

        Subject subjectWithRecords() {
            Tenant tenant = fixtures.tenant();
            String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
            String id = Fixtures.unique("s");
            List<String> ids = new ArrayList<>();
            ids.add(record(admin, id, "contact", "contract", Map.of("email", "ana@example.com", "city", "Gent")));
            ids.add(record(admin, id, "account", "support", Map.of("plan", "gold-plan")));
            // another subject of the same tenant: never in this subject's report
            record(admin, Fixtures.unique("other"), "contact", "contract", Map.of("email", "bob@example.com"));
            return new Subject(tenant, admin, id, ids);
        }

        String record(String admin, String subject, String category, String purpose, Map<String, Object> doc) {
            Response r = api.post(admin, "/api/v1/subjects/" + subject + "/records", Map.of("category", category,
                    "purpose", purpose, "document", doc));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().get("id").asString();
        }

        /** Receives, verifies and approves a request; answers the request as the approval left it. */
        JsonNode approved(Subject s, String type, String email, Map<String, Object> decision) {
            Response r = api.post(s.admin(), REQUESTS, Map.of("type", type, "subjectId", s.id(), "channel", "email",
                    "requester", Map.of("name", "Ana Example", "email", email)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = r.json().get("id").asString();
            Response verified = api.post(s.admin(), REQUESTS + "/" + id + "/identity", Map.of());
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            Map<String, Object> body = new LinkedHashMap<>(Map.of("outcome", "approve"));
            body.putAll(decision);
            Response decided = api.post(s.admin(), REQUESTS + "/" + id + "/decision", body);
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
            return decided.json();
        }

        long count(String sql, Object... params) {
            return TenantScope.call(DataScope.wholeProvider(),
                    () -> jdbc.sql(sql).params(params).query(Long.class).single());
        }

        List<String> mailTo(String address) throws Exception {
            deliveries.run();
            return TestMail.bodiesTo(mail, address);
        }

        /** The path of the download link in the last email to the address. */
        String linkIn(String address) throws Exception {
            List<String> told = mailTo(address);
            assertThat(told).isNotEmpty();
            Matcher m = LINK.matcher(told.getLast().replace("=3D", "="));
            assertThat(m.find()).as(told.getLast()).isTrue();
            return m.group(1);
        }

        static Map<String, byte[]> unzip(byte[] zip) throws IOException {
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
            return out;
        }

        void runJob(String name) {
            jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow().run();
        }

        @Test
        void anAccessRequestIsAnsweredWithAReportBehindASingleUseLink() throws Exception {
            Subject s = subjectWithRecords();
            assertThat(api.post(s.admin(), "/api/v1/subjects/" + s.id() + "/legal-holds", Map.of("reason",
                    "pending litigation 4 C 12/26", "recordId", s.records().get(0))).status()).isEqualTo(201);
            String email = Fixtures.unique("ana") + "@example.org";
            JsonNode done = approved(s, "access", email, Map.of());
            String id = done.get("id").asString();
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("FULFILLED");
            assertThat(done.get("outcome").asString()).isEqualTo("access report of 2 records sent by a single-use link");

            String link = linkIn(email);
            assertThat(link).startsWith("/privacy/" + s.tenant().slug() + "/downloads/");
            assertThat(count("SELECT COUNT(*) FROM rights_downloads WHERE tenant_id = ? AND request_id = ?",
                    s.tenant().id(), java.util.UUID.fromString(id))).isEqualTo(1);

            byte[] zip = api.getBytes(null, link);
            Map<String, byte[]> files = unzip(zip);
            assertThat(files).containsOnlyKeys("report.json", "report.pdf");
            try (PDDocument pdf = Loader.loadPDF(files.get("report.pdf"))) {
                String shown = new PDFTextStripper().getText(pdf);
                assertThat(shown).contains("Report of your personal data").contains(s.tenant().name()).contains(id)
                        .contains("Category: contact (1 records)").contains("email: ana@example.com")
                        .contains("city: Gent").contains("plan: gold-plan").contains("Recipients")
                        .contains("No register of disclosures").doesNotContain("bob@example.com")
                        .contains("pending litigation 4 C 12/26");
            }
            JsonNode report = ApiClient.MAPPER.readTree(files.get("report.json"));
            assertThat(report.get("schema").asString()).isEqualTo("steward.rights.access-report/1");
            assertThat(report.get("requestId").asString()).isEqualTo(id);
            assertThat(report.get("subjectId").asString()).isEqualTo(s.id());
            assertThat(report.get("records")).hasSize(2);
            List<String> seen = new ArrayList<>();
            report.get("records").forEach(r -> seen.add(r.get("id").asString()));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(s.records());
            String text = new String(files.get("report.json"), StandardCharsets.UTF_8);
            assertThat(text).contains("ana@example.com").contains("gold-plan").doesNotContain("bob@example.com");
            List<String> categories = new ArrayList<>();
            report.get("categories").forEach(c -> categories.add(c.get("name").asString() + ":"
                    + c.get("purposes").get(0).asString() + ":" + c.get("sources").get(0).asString()));
            assertThat(categories).containsExactly("account:support:CUSTOMER", "contact:contract:CUSTOMER");
            assertThat(report.get("recipients").get("entries")).isEmpty();
            assertThat(report.get("recipients").get("note").asString()).contains("No register of disclosures");
            List<String> countries = new ArrayList<>();
            api.get(s.admin(), "/api/v1/tenant").json().get("storageCountries").forEach(c -> countries.add(c.asString()));
            assertThat(countries).isNotEmpty();
            List<String> stored = new ArrayList<>();
            report.get("transfers").get("storageCountries").forEach(c -> stored.add(c.asString()));
            assertThat(stored).as("where the tenant's contract keeps the data").isEqualTo(countries);
            assertThat(report.get("transfers").get("note").asString()).contains(String.join(", ", countries));
            JsonNode holds = report.get("retention").get("legalHolds");
            assertThat(holds).hasSize(1);
            assertThat(holds.get(0).get("reason").asString()).isEqualTo("pending litigation 4 C 12/26");
            assertThat(holds.get(0).get("recordId").asString()).isEqualTo(s.records().get(0));
            assertThat(report.get("retention").get("note").asString()).contains("Kept under a legal hold since")
                    .contains("pending litigation 4 C 12/26");

            Response again = api.get(null, link);
            assertThat(again.status()).as("single use").isEqualTo(410);
            assertThat(again.json().get("type").asString()).isEqualTo("urn:steward:problem:privacy-link-invalid");
            assertThat(again.body()).doesNotContain("ana@example.com");
            assertThat(api.get(null, link.substring(0, link.lastIndexOf('/') + 1) + "x" + link.substring(
                    link.lastIndexOf('/') + 2)).status()).as("a guessed token").isEqualTo(410);

            assertThat(count("SELECT COUNT(*) FROM access_log WHERE tenant_id = ? AND purpose = 'subject-rights'"
                    + " AND outcome = 'revealed'", s.tenant().id())).as("each record revealed is logged").isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = 'rights.download.taken'"
                    + " AND object_ref LIKE ?", s.tenant().id(), "rights-request:" + id + "%"))
                    .as("the download is in the system log").isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM rights_downloads WHERE tenant_id = ? AND content IS NOT NULL",
                    s.tenant().id())).as("the file is gone once downloaded").isZero();
        }

        @Test
        void aPortabilityRequestIsAnsweredWithJsonAndCsvInAZip() throws Exception {
            Subject s = subjectWithRecords();
            Response observed = api.post(s.admin(), "/api/v1/subjects/" + s.id() + "/records", Map.of("category",
                    "session", "purpose", "security", "source", "SERVICE_USAGE",
                    "document", Map.of("ip", "192.0.2.7", "agent", "Firefox, \"nightly\"")));
            assertThat(observed.status()).as(observed.body()).isEqualTo(201);
            String usage = observed.json().get("id").asString();
            String email = Fixtures.unique("po") + "@example.org";
            JsonNode done = approved(s, "portability", email, Map.of());
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("FULFILLED");
            assertThat(done.get("outcome").asString()).isEqualTo("export of 3 records sent by a single-use link");
            String link = linkIn(email);
            assertThat(link).as("the portability link is one of its own").isNotBlank();
            Map<String, byte[]> files = unzip(api.getBytes(null, link));
            assertThat(files).containsOnlyKeys("data.json", "account.csv", "contact.csv", "session.csv");
            JsonNode data = ApiClient.MAPPER.readTree(files.get("data.json"));
            assertThat(data.get("schema").asString()).isEqualTo("steward.rights.portability/1");
            assertThat(data.get("records")).hasSize(3);
            List<String> sources = new ArrayList<>();
            data.get("records").forEach(r -> sources.add(r.get("source").asString()));
            assertThat(sources).as("given and observed data are both provided data")
                    .containsExactlyInAnyOrder("CUSTOMER", "CUSTOMER", "SERVICE_USAGE");
            String contact = new String(files.get("contact.csv"), StandardCharsets.UTF_8);
            String[] lines = contact.split("\r\n");
            assertThat(lines[0]).isEqualTo("record_id,created_at,updated_at,field,value");
            assertThat(lines).hasSize(3);
            assertThat(contact).contains(s.records().get(0)).contains(",email,ana@example.com").contains(",city,Gent")
                    .doesNotContain("bob@example.com");
            String session = new String(files.get("session.csv"), StandardCharsets.UTF_8);
            assertThat(session).contains(usage).contains(",agent,\"Firefox, \"\"nightly\"\"\"");
            assertThat(api.get(null, link).status()).as("single use").isEqualTo(410);
        }

        @Test
        void aRectificationIsAppliedAsANewVersionWithTheOldOneInHistory() throws Exception {
            Subject s = subjectWithRecords();
            String email = Fixtures.unique("rc") + "@example.org";
            String record = s.records().get(0);
            JsonNode done = approved(s, "rectification", email, Map.of("corrections", List.of(Map.of("recordId", record,
                    "document", Map.of("email", "ana.new@example.com", "city", "Gent")))));
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("FULFILLED");
            assertThat(done.get("outcome").asString()).isEqualTo("rectified: 1 records corrected");

            Response versions = api.get(s.admin(), "/api/v1/records/" + record + "/versions?purpose=contract");
            assertThat(versions.status()).as(versions.body()).isEqualTo(200);
            assertThat(versions.json()).hasSize(2);
            assertThat(versions.json().get(0).get("document").get("email").asString()).isEqualTo("ana@example.com");
            assertThat(versions.json().get(1).get("version").asInt()).isEqualTo(2);
            assertThat(versions.json().get(1).get("document").get("email").asString()).isEqualTo("ana.new@example.com");
            Response untouched = api.get(s.admin(), "/api/v1/records/" + s.records().get(1) + "?purpose=support");
            assertThat(untouched.json().get("version").asInt()).as("only the record named").isEqualTo(1);
            assertThat(mailTo(email).getLast()).contains("Your rectification request was carried out")
                    .contains("records now hold the corrected data");
        }

        @Test
        void malformedCorrectionsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
            Subject s = subjectWithRecords();
            String other = record(s.admin(), Fixtures.unique("else"), "contact", "contract", Map.of("email", "x@y.z"));
            Response r = api.post(s.admin(), REQUESTS, Map.of("type", "rectification", "subjectId", s.id(),
                    "requester", Map.of("email", Fixtures.unique("mc") + "@example.org")));
            String id = r.json().get("id").asString();
            assertThat(api.post(s.admin(), REQUESTS + "/" + id + "/identity", Map.of()).status()).isEqualTo(200);
            String record = s.records().get(0);
            List<Map<String, Object>> bad = List.of(
                    Map.of("outcome", "approve"),
                    Map.of("outcome", "approve", "corrections", List.of(Map.of("recordId", "not-an-id",
                            "document", Map.of("a", 1)))),
                    Map.of("outcome", "approve", "corrections", List.of(Map.of("recordId", other,
                            "document", Map.of("email", "stolen@example.com")))),
                    Map.of("outcome", "approve", "corrections", List.of(Map.of("recordId", record,
                            "document", "just text"))),
                    Map.of("outcome", "approve", "corrections", List.of(Map.of("recordId", record))),
                    Map.of("outcome", "approve", "corrections", List.of(
                            Map.of("recordId", record, "document", Map.of("a", 1)),
                            Map.of("recordId", record, "document", Map.of("a", 2)))));
            List<String> fields = List.of("corrections", "corrections[0].recordId", "corrections[0].recordId",
                    "corrections[0].document", "corrections[0].document", "corrections[1].recordId");
            for (int i = 0; i < bad.size(); i++) {
                Response refused = api.post(s.admin(), REQUESTS + "/" + id + "/decision", bad.get(i));
                assertThat(refused.status()).as(refused.body()).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asString()).as(refused.body())
                        .isEqualTo(fields.get(i));
            }
            assertThat(api.get(s.admin(), REQUESTS + "/" + id).json().get("state").asString())
                    .as("nothing changed").isEqualTo("VERIFIED");
            assertThat(api.get(s.admin(), "/api/v1/records/" + other + "?purpose=contract").json().get("version")
                    .asInt()).isEqualTo(1);
            assertThat(api.get(s.admin(), "/api/v1/records/" + record + "?purpose=contract").json().get("version")
                    .asInt()).isEqualTo(1);

            Response access = api.post(s.admin(), REQUESTS, Map.of("type", "access", "subjectId", s.id()));
            String accessId = access.json().get("id").asString();
            api.post(s.admin(), REQUESTS + "/" + accessId + "/identity", Map.of());
            Response wrongType = api.post(s.admin(), REQUESTS + "/" + accessId + "/decision", Map.of("outcome", "approve",
                    "corrections", List.of(Map.of("recordId", record, "document", Map.of("a", 1)))));
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("corrections");
        }

        @Test
        void anUnusedLinkExpiresAndItsFileIsDeletedByTheJob() throws Exception {
            Subject s = subjectWithRecords();
            String email = Fixtures.unique("cy") + "@example.org";
            approved(s, "access", email, Map.of());
            String link = linkIn(email);
            runJob("rights.forget-expired-downloads");
            assertThat(count("SELECT COUNT(*) FROM rights_downloads WHERE tenant_id = ?", s.tenant().id()))
                    .as("not expired yet").isEqualTo(1);

            clock.advance(Duration.ofDays(7).plusMinutes(1));
            Response expired = api.get(null, link);
            assertThat(expired.status()).isEqualTo(410);
            assertThat(expired.json().get("type").asString()).isEqualTo("urn:steward:problem:privacy-link-invalid");
            runJob("rights.forget-expired-downloads");
            assertThat(count("SELECT COUNT(*) FROM rights_downloads WHERE tenant_id = ?", s.tenant().id()))
                    .as("deleted at expiry").isZero();
        }

        @Test
        void aRestrictedSubjectStillGetsTheirDataAndARejectedRequestIsNotFulfilled() throws Exception {
            Subject s = subjectWithRecords();
            JsonNode restricted = approved(s, "restriction", Fixtures.unique("re") + "@example.org", Map.of());
            assertThat(restricted.get("state").asString()).isEqualTo("FULFILLED");
            String email = Fixtures.unique("dy") + "@example.org";
            JsonNode done = approved(s, "access", email, Map.of());
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("FULFILLED");
            JsonNode report = ApiClient.MAPPER.readTree(unzip(api.getBytes(null, linkIn(email))).get("report.json"));
            assertThat(report.get("records")).hasSize(2);
            // the purpose that passed the restriction is the platform's own: no caller can name it to read
            for (String path : List.of("/api/v1/records/" + s.records().get(0) + "?purpose=subject-rights",
                    "/api/v1/subjects/" + s.id() + "/records?purpose=subject-rights")) {
                Response bypass = api.get(s.admin(), path);
                assertThat(bypass.status()).as(bypass.body()).isEqualTo(400);
                assertThat(bypass.json().get("type").asString()).isEqualTo("urn:steward:problem:purpose-not-allowed");
                assertThat(bypass.json().get("errors").get(0).get("field").asString()).isEqualTo("purpose");
                assertThat(bypass.body()).doesNotContain("ana@example.com");
            }
            assertThat(api.get(s.admin(), "/api/v1/records/" + s.records().get(0) + "?purpose=contract").status())
                    .as("and the restriction still holds for the rest").isEqualTo(403);

            Response r = api.post(s.admin(), REQUESTS, Map.of("type", "portability", "subjectId", s.id(),
                    "requester", Map.of("email", email)));
            String id = r.json().get("id").asString();
            Response rejected = api.post(s.admin(), REQUESTS + "/" + id + "/decision",
                    Map.of("outcome", "reject", "reason", "not you"));
            assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");
            long downloads = count("SELECT COUNT(*) FROM rights_downloads WHERE tenant_id = ?", s.tenant().id());
            Response fulfil = api.post(s.admin(), REQUESTS + "/" + id + "/fulfilment", null);
            assertThat(fulfil.status()).as(fulfil.body()).isEqualTo(409);
            assertThat(fulfil.json().get("type").asString()).isEqualTo("urn:steward:problem:request-step-not-allowed");
            assertThat(count("SELECT COUNT(*) FROM rights_downloads WHERE tenant_id = ?", s.tenant().id()))
                    .as("nothing changed").isEqualTo(downloads);
        }
    }
}
