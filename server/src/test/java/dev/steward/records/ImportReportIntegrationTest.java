package dev.steward.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.Role;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;
import tools.jackson.databind.JsonNode;

/** However many lines an import refuses, its report lists a bounded number and says how many more there were. */
class ImportReportIntegrationTest {

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
        void aReportListsTheFirstRefusedLinesAndNotesHowManyMoreWereRefused() {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_USER);
            int refused = ImportReport.LISTED + 500;
            StringBuilder ndjson = new StringBuilder();
            for (int i = 0; i < refused; i++) {
                ndjson.append("{not json\n");
            }
            ndjson.append("{\"subjectId\":\"").append(Fixtures.unique("bounded"))
                    .append("\",\"category\":\"contact\",\"document\":{\"a\":1}}\n");

            Response r = api.sendRaw(token, "POST", "/api/v1/records:import?purpose=contract", ndjson.toString(),
                    "application/x-ndjson", Map.of());

            assertThat(r.status()).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.get("lines").asInt()).isEqualTo(refused + 1);
            assertThat(report.get("stored").asInt()).isEqualTo(1);
            assertThat(report.get("rejected").asInt()).isEqualTo(refused);
            assertThat(report.get("results").size()).isEqualTo(ImportReport.LISTED + 1);
            assertThat(report.get("results").get(0).get("line").asInt()).isEqualTo(1);
            assertThat(report.get("results").get(ImportReport.LISTED).get("status").asString()).isEqualTo("STORED");
            assertThat(report.get("rejectedNotListed").asInt()).isEqualTo(500);
            assertThat(report.get("storedNotListed").asInt()).isZero();
            assertThat(report.get("note").asString()).contains("500 more rejected");
        }

        @Test
        void aRecordIdAlreadyTakenIsRejectedNamingTheIdFieldByItsOwnProblemType() {
            Tenant tenant = fixtures.tenant();
            String token = fixtures.token(tenant, Role.CUSTOMER_USER);
            String id = java.util.UUID.randomUUID().toString();
            String line = "{\"subjectId\":\"" + Fixtures.unique("dup") + "\",\"category\":\"contact\",\"id\":\"" + id
                    + "\",\"document\":{\"a\":1}}\n";

            Response first = api.sendRaw(token, "POST", "/api/v1/records:import?purpose=contract", line,
                    "application/x-ndjson", Map.of());
            assertThat(first.json().get("stored").asInt()).as(first.body()).isEqualTo(1);
            Response again = api.sendRaw(token, "POST", "/api/v1/records:import?purpose=contract", line + line,
                    "application/x-ndjson", Map.of());

            JsonNode results = again.json().get("results");
            assertThat(again.json().get("stored").asInt()).as(again.body()).isZero();
            for (JsonNode r : results) {
                assertThat(r.get("status").asString()).isEqualTo("REJECTED");
                assertThat(r.get("field").asString()).isEqualTo("id");
                assertThat(r.get("problem").asString()).isEqualTo("record-id-taken");
            }
            assertThat(results.size()).isEqualTo(2);
        }
    }
}
