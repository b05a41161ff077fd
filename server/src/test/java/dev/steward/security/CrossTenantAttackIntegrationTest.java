package dev.steward.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.Account;
import dev.steward.platform.DataScope;
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
 * Every operation of the published OpenAPI document, aimed with tenant A's credentials at tenant
 * B's objects: each must answer 404 (or 403 for a role that may not do it at all), reveal nothing
 * of B, and leave every row of B exactly as it was. New endpoints are covered automatically.
 */
class CrossTenantAttackIntegrationTest {

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

        private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

        @Autowired
        JdbcClient jdbc;

        @Test
        void tenantACannotReadChangeOrSeeTenantB() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            Account bAdmin = fixtures.account(b, Role.CUSTOMER_ADMIN);
            String bToken = fixtures.token(b, Role.CUSTOMER_USER);
            UUID bTokenId = UUID.fromString(api.get(bToken, "/api/v1/me").json().get("id").asString());
            String bAdminToken = fixtures.token(b, Role.CUSTOMER_ADMIN);
            String canary = "canary-of-b-" + UUID.randomUUID();
            var bRecord = api.post(bAdminToken, "/api/v1/subjects/" + B_SUBJECT + "/records", Map.of("category", "contact",
                    "purpose", "contract", "document", Map.of("note", canary)));
            assertThat(bRecord.status()).isEqualTo(201);
            String bRecordId = bRecord.json().get("id").asString();
            String holdReason = "hold-of-b-" + UUID.randomUUID();
            var bHold = api.post(bAdminToken, "/api/v1/subjects/" + B_SUBJECT + "/legal-holds",
                    Map.of("reason", holdReason));
            assertThat(bHold.status()).isEqualTo(201);
            String bHoldId = bHold.json().get("id").asString();
            String bHolidayName = "holiday-of-b-" + UUID.randomUUID();
            assertThat(api.post(bAdminToken, "/api/v1/calendar/holidays", Map.of("date", B_HOLIDAY, "name", bHolidayName))
                    .status()).isEqualTo(201);
            String complaintText = "complaint-of-b-" + UUID.randomUUID();
            var bComplaint = api.post(bAdminToken, "/api/v1/complaints", Map.of("channel", "post", "complainant",
                    Map.of("name", "Complainant of B"), "text", complaintText));
            assertThat(bComplaint.status()).isEqualTo(201);
            String bComplaintId = bComplaint.json().get("id").asString();
            Map<String, String> bObjects = Map.ofEntries(Map.entry("tenantId", b.id().toString()),
                    Map.entry("accountId", bAdmin.id().toString()), Map.entry("tokenId", bTokenId.toString()),
                    Map.entry("recordId", bRecordId), Map.entry("subjectId", B_SUBJECT), Map.entry("logId",
                    b.id().toString()), Map.entry("bundleId", UUID.randomUUID().toString()), Map.entry("holdId", bHoldId),
                    Map.entry("date", B_HOLIDAY), Map.entry("complaintId", bComplaintId));
            List<String> secretsOfB = List.of(b.slug(), bAdmin.username(), bAdmin.id().toString(), bTokenId.toString(),
                    bRecordId, canary, bHoldId, holdReason, bHolidayName, bComplaintId, complaintText);

            Map<String, String> attackers = Map.of("customer admin of A", fixtures.token(a, Role.CUSTOMER_ADMIN),
                    "managed-service staff (B is not fully managed)", fixtures.token(fixtures.provider(), Role.MANAGED_SERVICE));

            // B's own acts above are still being integrated into its log and checkpointed in the background:
            // the snapshot is taken once that is done, so only what the attacks did can differ
            awaitLedgerSettled(b.id());
            String before = snapshot(b.id());
            List<String> failures = new ArrayList<>();
            int operations = 0;
            JsonNode paths = api.get(null, "/v3/api-docs").json().get("paths");
            for (var path : paths.properties()) {
                for (var op : path.getValue().properties()) {
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    operations++;
                    String template = path.getKey();
                    String target = fill(template, bObjects) + requiredQuery(op.getValue());
                    for (var attacker : attackers.entrySet()) {
                        Response r = api.send(attacker.getValue(), method, withPurpose(target), body(method),
                                Map.of("Purpose", "contract"));
                        boolean aimedAtB = !(tenantRelative(template) + requiredQuery(op.getValue())).equals(target);
                        if (aimedAtB && r.status() != 404 && r.status() != 403) {
                            failures.add(attacker.getKey() + ": " + method + " " + target + " answered " + r.status());
                        }
                        for (String secret : secretsOfB) {
                            if (r.body() != null && r.body().contains(secret) && !target.contains(secret)) {
                                failures.add(attacker.getKey() + ": " + method + " " + target + " revealed " + secret);
                            }
                        }
                    }
                }
            }
            assertThat(operations).as("operations found in the OpenAPI document").isGreaterThanOrEqualTo(15);
            assertThat(failures).isEmpty();
            awaitLedgerSettled(b.id());
            assertThat(snapshot(b.id())).as("tenant B's rows").isEqualTo(before);
            assertThat(TenantScope.call(DataScope.tenant(b.id()), () -> jdbc.sql(
                    "SELECT DISTINCT action FROM provider_accesses WHERE tenant_id = ?").param(b.id()).query(String.class).list()))
                    .as("B sees the provider's attempts, refused").containsExactly("provider.entered.refused");
        }

        /** A subject id means "this id in the caller's own tenant": B's subject of the same id is another person. */
        private static final String B_SUBJECT = "subject-of-b";

        /** A working day B made a holiday: A's calendar has no holiday that day, so removing it finds nothing. */
        private static final String B_HOLIDAY = "2027-03-10";

        private static String tenantRelative(String template) {
            return template.replace("{subjectId}", B_SUBJECT);
        }

        /** Values for the query parameters the operation requires, so it gets past input checks to its lookup. */
        private static String requiredQuery(JsonNode operation) {
            StringBuilder q = new StringBuilder();
            JsonNode params = operation.get("parameters");
            if (params == null) {
                return "";
            }
            for (JsonNode p : params) {
                if ("query".equals(p.get("in").asString()) && p.has("required") && p.get("required").asBoolean()) {
                    String type = p.has("schema") && p.get("schema").has("type") ? p.get("schema").get("type").asString() : "";
                    q.append(q.isEmpty() ? "?" : "&").append(p.get("name").asString()).append('=')
                            .append(type.equals("integer") || type.equals("number") ? "1" : "contract");
                }
            }
            return q.toString();
        }

        private static String withPurpose(String path) {
            return path + (path.contains("?") ? "&" : "?") + "purpose=contract";
        }

        private static String fill(String template, Map<String, String> objects) {
            Matcher m = PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, objects.getOrDefault(m.group(1), UUID.randomUUID().toString()));
            }
            return m.appendTail(out).toString();
        }

        /** A plausible body for any write, so an operation that forgot its tenant check would act. */
        private static Object body(String method) {
            if (method.equals("GET") || method.equals("DELETE")) {
                return null;
            }
            Map<String, Object> body = new HashMap<>();
            body.put("name", "attacker");
            body.put("displayName", "attacker");
            body.put("state", "TERMINATED");
            body.put("disabled", true);
            body.put("role", "CUSTOMER_ADMIN");
            body.put("username", Fixtures.unique("intruder"));
            body.put("password", Fixtures.PASSWORD);
            body.put("incidentNoticeHours", 1);
            body.put("category", "contact");
            body.put("purpose", "contract");
            body.put("document", Map.of("planted", true));
            body.put("categories", List.of("contact"));
            body.put("reason", "attacker's hold");
            return body;
        }

        /** Waits until every entry sequenced in the tenant's logs is in its tree and under a signed checkpoint. */
        private void awaitLedgerSettled(UUID tenantId) {
            await().atMost(Duration.ofSeconds(60)).until(() -> TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql(
                    "SELECT COUNT(*) FROM ledger_log l WHERE l.tenant_id = ? AND (l.sequenced <> COALESCE((SELECT t.tree_size"
                            + " FROM ledger_tree t WHERE t.tenant_id = l.tenant_id AND t.log_id = l.log_id), 0)"
                            + " OR NOT EXISTS (SELECT 1 FROM ledger_checkpoint c WHERE c.tenant_id = l.tenant_id"
                            + " AND c.log_id = l.log_id AND c.tree_size = l.sequenced))")
                    .param(tenantId).query(Long.class).single() == 0));
        }

        /** Every row of every tenant table that belongs to the tenant, as text. */
        private String snapshot(UUID tenantId) {
            return TenantScope.call(DataScope.wholeProvider(), () -> {
                StringBuilder s = new StringBuilder();
                for (String table : tenantTables()) {
                    if (table.equals("provider_accesses")) {
                        continue; // the customer's record of provider staff's attempts, checked on its own
                    }
                    s.append(table).append(":\n");
                    // sorted as text: tables keyed by more than their first two columns have no other stable order
                    List<String> rows = new ArrayList<>();
                    jdbc.sql("SELECT * FROM " + table + " WHERE tenant_id = ?").param(tenantId)
                            .query(rs -> {
                                StringBuilder row = new StringBuilder();
                                int n = rs.getMetaData().getColumnCount();
                                for (int i = 1; i <= n; i++) {
                                    row.append(rs.getString(i)).append('|');
                                }
                                rows.add(row.append('\n').toString());
                            });
                    rows.stream().sorted().forEach(s::append);
                }
                return s.toString();
            });
        }

        private List<String> tenantTables() {
            return jdbc.sql("SELECT LOWER(table_name) FROM information_schema.columns WHERE LOWER(column_name) = 'tenant_id' "
                    + "AND LOWER(table_schema) = 'public' ORDER BY 1").query(String.class).list();
        }
    }
}
