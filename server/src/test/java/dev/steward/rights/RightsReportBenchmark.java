package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.Caller;
import dev.steward.platform.Role;
import dev.steward.records.Purpose;
import dev.steward.records.RecordStore;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * The figures of {@code ./steward bench rights} (issue 11), measured on the real code in the server's
 * test context on PostgreSQL: one subject with {@value #SUBJECT_RECORDS} records in a tenant of
 * {@code steward.bench.rights.tenant-records} records (filler: small rows of other subjects, loaded
 * with COPY, never decrypted), the access report and the portability export through the API against
 * {@link RecordStore#allOfSubject} of the same records in the same run. Runs only when
 * {@code steward.bench.rights.out} names the file the figures go to (tab-separated).
 */
@ActiveProfiles(Db.POSTGRES)
@EnabledIfSystemProperty(named = "steward.bench.rights.out", matches = ".+")
class RightsReportBenchmark extends IntegrationTestBase {

    static final int SUBJECT_RECORDS = 10_000;
    static final int ROUNDS = 3;
    static final String REQUESTS = "/api/v1/rights/requests";

    @Autowired
    RecordStore records;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${steward.database.migration-user}")
    String owner;
    @Value("${steward.database.migration-password:}")
    String ownerPassword;

    @Test
    void accessReportAndPortabilityExportOfASubjectWithTenThousandRecords() throws Exception {
        long tenantRecords = Long.getLong("steward.bench.rights.tenant-records", 1_000_000L);
        Tenant tenant = fixtures.tenant();
        String admin = fixtures.token(tenant, Role.CUSTOMER_ADMIN);
        Caller caller = new Caller(tenant.id(), UUID.randomUUID(), "bench", Role.CUSTOMER_ADMIN, Caller.Kind.ACCOUNT);
        String subject = Fixtures.unique("bench");
        String[] categories = {"contact", "account", "session"};
        for (int batch = 0; batch < SUBJECT_RECORDS / 1000; batch++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                int n = batch * 1000 + i;
                lines.append("{\"subjectId\":\"").append(subject).append("\",\"category\":\"")
                        .append(categories[n % 3]).append("\",\"purpose\":\"contract\",\"document\":{\"email\":\"")
                        .append("ana").append(n).append("@example.com\",\"n\":").append(n)
                        .append(",\"note\":\"a small document of the subject\"}}\n");
            }
            Response imported = api.sendRaw(admin, "POST", "/api/v1/records:import?purpose=contract", lines.toString(),
                    "application/x-ndjson", Map.of());
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }
        long fillerRows = Math.max(0, tenantRecords - SUBJECT_RECORDS);
        long loadStart = System.nanoTime();
        fill(tenant.id(), fillerRows);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        try (Connection c = DriverManager.getConnection(url, owner, ownerPassword); var st = c.createStatement()) {
            st.execute("ANALYZE records");
        }

        // warm-up: every path once, not measured
        assertThat(records.allOfSubject(caller, subject, Purpose.SUBJECT_RIGHTS)).hasSize(SUBJECT_RECORDS);
        answer(admin, subject, "access");
        answer(admin, subject, "portability");

        double[] read = new double[ROUNDS];
        double[] access = new double[ROUNDS];
        double[] portability = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            int n = records.allOfSubject(caller, subject, Purpose.SUBJECT_RIGHTS).size();
            read[r] = (System.nanoTime() - t0) / 1e6;
            assertThat(n).isEqualTo(SUBJECT_RECORDS);
            access[r] = answer(admin, subject, "access");
            portability[r] = answer(admin, subject, "portability");
        }
        String tenantSize = String.format(Locale.ROOT, "%,d", tenantRecords);
        String of = "subject of 10,000 records in a tenant of " + tenantSize + " records, PostgreSQL, median of "
                + ROUNDS;
        String base = "RecordStore#allOfSubject of the same records (one query, decrypt, access log)";
        List<String> rows = new ArrayList<>();
        rows.add(row("access report (PDF + JSON zip, sealed, link issued), approve to FULFILLED over HTTP, " + of,
                median(access), "ms", base, median(read), "<= 2000 ms"));
        rows.add(row("portability export (JSON + CSV zip, sealed, link issued), approve to FULFILLED over HTTP, " + of,
                median(portability), "ms", base, median(read), "<= 2000 ms"));
        rows.add(row("RecordStore#allOfSubject, 10,000 records decrypted and logged, " + of, median(read), "ms", "", Double.NaN,
                ""));
        rows.add(row("filler load, COPY of " + String.format(Locale.ROOT, "%,d", fillerRows) + " rows (3 indexes)",
                fillerRows / loadSeconds, "rows/s", "", Double.NaN, ""));
        Files.write(Path.of(System.getProperty("steward.bench.rights.out")), rows);
    }

    /** Receives, verifies and approves a request; the milliseconds of the approval (read, files, seal, link). */
    private double answer(String admin, String subject, String type) {
        Response r = api.post(admin, REQUESTS, Map.of("type", type, "subjectId", subject));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        assertThat(api.post(admin, REQUESTS + "/" + id + "/identity", Map.of()).status()).isEqualTo(200);
        long t0 = System.nanoTime();
        Response done = api.post(admin, REQUESTS + "/" + id + "/decision", Map.of("outcome", "approve"));
        double ms = (System.nanoTime() - t0) / 1e6;
        assertThat(done.json().get("state").asString()).as(done.body()).isEqualTo("FULFILLED");
        return ms;
    }

    /** Small rows of other subjects, as COPY text in chunks: never decrypted, only there to be stepped over. */
    private void fill(UUID tenant, long rows) {
        Random random = new Random(11);
        HexFormat hex = HexFormat.of();
        int chunk = 200_000;
        for (long done = 0; done < rows; done += chunk) {
            int n = (int) Math.min(chunk, rows - done);
            StringBuilder b = new StringBuilder(n * 260);
            byte[] ref = new byte[32];
            byte[] payload = new byte[48];
            for (int i = 0; i < n; i++) {
                if (i % 10 == 0) {
                    random.nextBytes(ref);
                }
                random.nextBytes(payload);
                b.append(tenant).append('\t').append(new UUID(random.nextLong(), random.nextLong())).append('\t')
                        .append(hex.formatHex(ref)).append("\tcontact\tCUSTOMER\tcontract\t1\t\\\\x")
                        .append(hex.formatHex(payload))
                        .append("\t2026-01-01 00:00:00+00\tfiller\t2026-01-01 00:00:00+00\tfiller\n");
            }
            // as the database's owner: COPY is not allowed under row-level security, and the app role is under it
            try (Connection c = DriverManager.getConnection(url, owner, ownerPassword)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY records (tenant_id, record_id, subject_ref,"
                        + " category, source, purpose, version, payload, created_at, created_by, updated_at,"
                        + " updated_by) FROM STDIN", new StringReader(b.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("COPY failed", e);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String row(String name, double value, String unit, String baseline, double baselineValue,
            String goal) {
        return String.join("\t", name, Double.toString(value), unit, baseline, Double.toString(baselineValue), goal);
    }
}
