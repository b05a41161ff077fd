package dev.steward.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.platform.Role;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.Tenant;

/**
 * Walks the whole permission matrix of docs/roles.md: every role, every operation, the exact
 * status expected. A change of a role's powers must change this table and the document together.
 */
class RolePermissionMatrixIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    /** Who acts: a role, in the provider tenant or in its own customer tenant. */
    enum Actor {
        OPERATOR(Role.OPERATOR, true), SECURITY_OFFICER(Role.SECURITY_OFFICER, true), COMPLIANCE(Role.COMPLIANCE, true),
        MANAGED_SERVICE(Role.MANAGED_SERVICE, true), SUPPLIER(Role.SUPPLIER, true),
        PROVIDER_AUDITOR(Role.AUDITOR, true), CUSTOMER_ADMIN(Role.CUSTOMER_ADMIN, false),
        CUSTOMER_USER(Role.CUSTOMER_USER, false), CUSTOMER_AUDITOR(Role.AUDITOR, false), SUBJECT(Role.SUBJECT, false);

        final Role role;
        final boolean provider;

        Actor(Role role, boolean provider) {
            this.role = role;
            this.provider = provider;
        }
    }

    record World(Tenant managed, Tenant unmanaged) {
    }

    record Operation(String name, String method, Function<World, String> path, Object body) {
    }

    /** A past day with no entries: the bundle is valid and small whoever asks. */
    static final Map<String, String> BUNDLE_RANGE = Map.of("from", "2001-01-01T00:00:00Z", "to", "2001-01-02T00:00:00Z");

    static final List<Operation> OPERATIONS = List.of(
            new Operation("who am I", "GET", w -> "/api/v1/me", null),
            new Operation("own tenant", "GET", w -> "/api/v1/tenant", null),
            new Operation("list tenants", "GET", w -> "/api/v1/tenants", null),
            new Operation("create tenant", "POST", w -> "/api/v1/tenants", "TENANT"),
            new Operation("read a tenant", "GET", w -> "/api/v1/tenants/" + w.unmanaged().id(), null),
            new Operation("change a tenant", "PATCH", w -> "/api/v1/tenants/" + w.unmanaged().id(), Map.of("incidentNoticeHours", 36)),
            new Operation("tenant history", "GET", w -> "/api/v1/tenants/" + w.unmanaged().id() + "/changes", null),
            new Operation("list own accounts", "GET", w -> "/api/v1/accounts", null),
            new Operation("create own account", "POST", w -> "/api/v1/accounts", "ACCOUNT"),
            new Operation("list tokens", "GET", w -> "/api/v1/tokens", null),
            new Operation("issue token", "POST", w -> "/api/v1/tokens", "TOKEN"),
            new Operation("accounts of managed customer", "GET", w -> "/api/v1/tenants/" + w.managed().id() + "/accounts", null),
            new Operation("accounts of unmanaged customer", "GET", w -> "/api/v1/tenants/" + w.unmanaged().id() + "/accounts", null),
            new Operation("admin in managed customer", "POST", w -> "/api/v1/tenants/" + w.managed().id() + "/accounts", "CUSTOMER_ADMIN"),
            new Operation("invite into own tenant", "POST", w -> "/api/v1/invitations", "INVITE"),
            new Operation("onboard a customer's first admin", "POST", w -> "/api/v1/tenants/" + w.unmanaged().id() + "/invitations",
                    "ONBOARD"),
            new Operation("provider accesses of own tenant", "GET", w -> "/api/v1/provider-access", null),
            new Operation("create a record", "POST", w -> "/api/v1/subjects/matrix-subject/records", "RECORD"),
            new Operation("read a subject's records", "GET", w -> "/api/v1/subjects/matrix-subject/records?purpose=contract", null),
            new Operation("export a category", "GET", w -> "/api/v1/records:export?category=contact&purpose=contract", null),
            new Operation("record categories", "GET", w -> "/api/v1/record-categories", null),
            new Operation("change record categories", "PUT", w -> "/api/v1/record-categories",
                    Map.of("categories", List.of("contact", "billing", "identity", "other"))),
            new Operation("erase a subject", "DELETE", w -> "/api/v1/subjects/matrix-subject", null),
            new Operation("request own evidence bundle", "POST", w -> "/api/v1/evidence/bundles", BUNDLE_RANGE),
            new Operation("list own evidence bundles", "GET", w -> "/api/v1/evidence/bundles", null),
            new Operation("request a customer's bundle", "POST", w -> "/api/v1/tenants/" + w.unmanaged().id() + "/evidence/bundles",
                    BUNDLE_RANGE),
            new Operation("list a customer's bundles", "GET", w -> "/api/v1/tenants/" + w.unmanaged().id() + "/evidence/bundles",
                    null),
            new Operation("approve a bundle", "POST", w -> "/api/v1/evidence/bundles/" + java.util.UUID.randomUUID() + "/approve",
                    null),
            new Operation("download a bundle", "GET", w -> "/api/v1/evidence/bundles/" + java.util.UUID.randomUUID()
                    + "/download?token=guess", null),
            new Operation("list background jobs", "GET", w -> "/api/v1/jobs", null),
            new Operation("own notice contacts", "GET", w -> "/api/v1/notices/contacts", null),
            new Operation("parked notice deliveries", "GET", w -> "/api/v1/notice-deliveries/parked", null),
            new Operation("own calendar", "GET", w -> "/api/v1/calendar?year=2027", null),
            new Operation("set own calendar", "PUT", w -> "/api/v1/calendar", Map.of("zone", "Europe/Ljubljana", "country", "SI")),
            new Operation("add a holiday", "POST", w -> "/api/v1/calendar/holidays", Map.of("date", "2027-05-03", "name", "Matrix day")),
            new Operation("remove a holiday", "DELETE", w -> "/api/v1/calendar/holidays/2027-02-08", null),
            new Operation("list complaints", "GET", w -> "/api/v1/complaints", null),
            new Operation("record a complaint", "POST", w -> "/api/v1/complaints", Map.of("channel", "email",
                    "complainant", Map.of("name", "Matrix Complainer"), "text", "a complaint")),
            new Operation("investigate a complaint", "POST", w -> "/api/v1/complaints/" + java.util.UUID.randomUUID()
                    + "/investigation", Map.of()));

    /** Expected status per operation, in the order of {@link Actor}. Same table as docs/roles.md. */
    static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();
    static {
        //                                                OP   SO   CO   MS   SUP  PAUD CA   CU   CAUD SUBJ
        EXPECTED.put("who am I", new int[] {               200, 200, 200, 200, 200, 200, 200, 200, 200, 200 });
        EXPECTED.put("own tenant", new int[] {             200, 200, 200, 200, 200, 200, 200, 200, 200, 200 });
        EXPECTED.put("list tenants", new int[] {           200, 200, 200, 403, 403, 403, 403, 403, 403, 403 });
        EXPECTED.put("create tenant", new int[] {          201, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        EXPECTED.put("read a tenant", new int[] {          200, 200, 200, 403, 403, 403, 403, 403, 403, 403 });
        EXPECTED.put("change a tenant", new int[] {        200, 403, 403, 403, 403, 403, 403, 403, 403, 403 });
        EXPECTED.put("tenant history", new int[] {         200, 200, 200, 403, 403, 403, 403, 403, 403, 403 });
        EXPECTED.put("list own accounts", new int[] {      200, 403, 403, 403, 403, 403, 200, 403, 403, 403 });
        EXPECTED.put("create own account", new int[] {     201, 403, 403, 403, 403, 403, 201, 403, 403, 403 });
        EXPECTED.put("list tokens", new int[] {            200, 403, 403, 403, 403, 403, 200, 403, 403, 403 });
        EXPECTED.put("issue token", new int[] {            201, 403, 403, 403, 403, 403, 201, 403, 403, 403 });
        // Inside a customer tenant: managed-service staff under a fully managed contract only, and never with a password.
        EXPECTED.put("accounts of managed customer", new int[] {   404, 404, 404, 200, 404, 404, 404, 404, 404, 404 });
        EXPECTED.put("accounts of unmanaged customer", new int[] { 404, 404, 404, 404, 404, 404, 404, 404, 404, 404 });
        EXPECTED.put("admin in managed customer", new int[] {      404, 404, 404, 403, 404, 404, 404, 404, 404, 404 });
        EXPECTED.put("invite into own tenant", new int[] {         201, 403, 403, 403, 403, 403, 201, 403, 403, 403 });
        EXPECTED.put("onboard a customer's first admin", new int[] { 201, 404, 404, 404, 404, 404, 404, 404, 404, 404 });
        EXPECTED.put("provider accesses of own tenant", new int[] { 403, 403, 403, 403, 403, 403, 200, 403, 200, 403 });
        // Records: only callers of the tenant itself (provider staff hold no records permission).
        EXPECTED.put("create a record", new int[] {         403, 403, 403, 403, 403, 403, 201, 201, 403, 403 });
        EXPECTED.put("read a subject's records", new int[] { 403, 403, 403, 403, 403, 403, 200, 200, 403, 403 });
        EXPECTED.put("export a category", new int[] {       403, 403, 403, 403, 403, 403, 200, 200, 403, 403 });
        EXPECTED.put("record categories", new int[] {       403, 403, 403, 403, 403, 403, 200, 200, 403, 403 });
        EXPECTED.put("change record categories", new int[] { 403, 403, 403, 403, 403, 403, 200, 403, 403, 403 });
        EXPECTED.put("erase a subject", new int[] {         403, 403, 403, 403, 403, 403, 200, 403, 403, 403 });
        // Evidence: EVIDENCE_READ of one's own tenant; provider staff ask for a customer's bundle (BUNDLE_REQUEST_FOR_CUSTOMER),
        // its administrator approves (BUNDLE_APPROVE).
        EXPECTED.put("request own evidence bundle", new int[] { 403, 201, 201, 403, 403, 201, 201, 403, 201, 403 });
        EXPECTED.put("list own evidence bundles", new int[] {   403, 200, 200, 403, 403, 200, 200, 403, 200, 403 });
        EXPECTED.put("request a customer's bundle", new int[] { 403, 201, 201, 403, 403, 403, 403, 403, 403, 403 });
        EXPECTED.put("list a customer's bundles", new int[] {   403, 200, 200, 403, 403, 403, 403, 403, 403, 403 });
        EXPECTED.put("approve a bundle", new int[] {            403, 403, 403, 403, 403, 403, 404, 403, 403, 403 });
        EXPECTED.put("download a bundle", new int[] {           403, 404, 404, 403, 403, 404, 404, 403, 404, 403 });
        // Jobs: the installation's own state, for the provider's operator and security officer.
        EXPECTED.put("list background jobs", new int[] {        200, 200, 403, 403, 403, 403, 403, 403, 403, 403 });
        // Notices: a customer's administrator manages its contacts; provider operator and security officer replay parked deliveries.
        EXPECTED.put("own notice contacts", new int[] {         403, 403, 403, 403, 403, 403, 200, 403, 403, 403 });
        EXPECTED.put("parked notice deliveries", new int[] {    200, 200, 403, 403, 403, 403, 403, 403, 403, 403 });
        // Calendar: the tenant's own people read it, its administrator changes it; no provider role holds it.
        EXPECTED.put("own calendar", new int[] {                403, 403, 403, 403, 403, 403, 200, 200, 403, 403 });
        EXPECTED.put("set own calendar", new int[] {            403, 403, 403, 403, 403, 403, 200, 403, 403, 403 });
        EXPECTED.put("add a holiday", new int[] {               403, 403, 403, 403, 403, 403, 201, 403, 403, 403 });
        EXPECTED.put("remove a holiday", new int[] {            403, 403, 403, 403, 403, 403, 204, 403, 403, 403 });
        // Complaints: the provider's compliance staff (the DPO contact point) handle them in every tenant; a customer's
        // administrator reads and records its own tenant's.
        EXPECTED.put("list complaints", new int[] {             403, 403, 200, 403, 403, 403, 200, 403, 403, 403 });
        EXPECTED.put("record a complaint", new int[] {          403, 403, 201, 403, 403, 403, 201, 403, 403, 403 });
        EXPECTED.put("investigate a complaint", new int[] {     403, 403, 404, 403, 403, 403, 403, 403, 403, 403 });
    }

    abstract static class Cases extends IntegrationTestBase {

        @Test
        void everyRoleGetsExactlyWhatTheMatrixSays() {
            World world = new World(fixtures.tenant(true), fixtures.tenant(false));
            List<String> mismatches = new ArrayList<>();
            for (Actor actor : Actor.values()) {
                Tenant home = actor.provider ? fixtures.provider() : fixtures.tenant();
                String token = fixtures.token(home, actor.role);
                for (Operation op : OPERATIONS) {
                    int expected = EXPECTED.get(op.name())[actor.ordinal()];
                    int actual = api.send(token, op.method(), op.path().apply(world), body(op, actor), Map.of()).status();
                    if (actual != expected) {
                        mismatches.add(actor + " / " + op.name() + ": expected " + expected + ", got " + actual);
                    }
                }
            }
            assertThat(mismatches).isEmpty();
        }

        @Test
        void theMatrixCoversEveryRole() {
            assertThat(java.util.Arrays.stream(Actor.values()).map(a -> a.role).distinct())
                    .containsExactlyInAnyOrder(Role.values());
            assertThat(EXPECTED.keySet()).containsExactlyElementsOf(OPERATIONS.stream().map(Operation::name).toList());
        }

        private static Object body(Operation op, Actor actor) {
            if (!(op.body() instanceof String kind)) {
                return op.body();
            }
            return switch (kind) {
                case "TENANT" -> Map.of("slug", Fixtures.unique("m"), "name", "Matrix", "contractStart",
                        LocalDate.of(2026, 1, 1).toString(), "incidentNoticeHours", 24, "storageCountries", List.of("SI"));
                case "ACCOUNT" -> Map.of("username", Fixtures.unique("new"), "displayName", "New person", "role",
                        actor.provider ? "AUDITOR" : "CUSTOMER_USER", "password", Fixtures.PASSWORD);
                case "CUSTOMER_ADMIN" -> Map.of("username", Fixtures.unique("adm"), "displayName", "Admin", "role",
                        "CUSTOMER_ADMIN", "password", Fixtures.PASSWORD);
                case "INVITE" -> Map.of("username", Fixtures.unique("inv"), "displayName", "Invited", "role",
                        actor.provider ? "AUDITOR" : "CUSTOMER_USER");
                case "ONBOARD" -> Map.of("username", Fixtures.unique("first"), "displayName", "First admin", "role",
                        "CUSTOMER_ADMIN");
                case "RECORD" -> Map.of("category", "contact", "purpose", "contract", "document", Map.of("email", "m@example.com"));
                case "TOKEN" -> Map.of("name", Fixtures.unique("sys"), "role", actor.provider ? "AUDITOR" : "CUSTOMER_USER");
                default -> throw new IllegalArgumentException(kind);
            };
        }
    }
}
