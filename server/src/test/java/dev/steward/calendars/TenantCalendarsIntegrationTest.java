package dev.steward.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.deadlines.Deadline;
import dev.steward.deadlines.LegalPeriod;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.ApiClient.Response;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import dev.steward.tenancy.NewTenant;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;
import tools.jackson.databind.JsonNode;

/**
 * Per-tenant calendars (issue 9, Deadlines): the default from the tenant's first storage country,
 * edits that change what {@link TenantCalendars#of} counts (a deadline ending on an added holiday
 * moves to the next working day), bad input that names its field and changes nothing, every change
 * in the system log, and one tenant's calendar never counting another's.
 */
class TenantCalendarsIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        /** 10 February 2027 (a Wednesday): one month later is Wednesday 10 March, a working day in Slovenia. */
        static final Instant FEBRUARY_10 = LocalDate.of(2027, 2, 10).atTime(10, 0).toInstant(ZoneOffset.UTC);
        /** 8 January 2027: one month later is Monday 8 February, Prešeren Day in Slovenia. */
        static final Instant JANUARY_8 = LocalDate.of(2027, 1, 8).atTime(10, 0).toInstant(ZoneOffset.UTC);

        @Autowired
        TenantCalendars calendars;
        @Autowired
        TenantRegister register;
        @Autowired
        JdbcClient jdbc;

        Tenant tenantStoringIn(String... countries) {
            return register.bootstrap(UUID.randomUUID(), new NewTenant(Fixtures.unique("cal"), "Calendar tenant",
                    LocalDate.of(2026, 1, 1), null, false, 24, List.of(countries)));
        }

        LocalDate lastDayOfAMonthFrom(UUID tenant, Instant event) {
            return Deadline.starting(event, LegalPeriod.months(1), calendars.of(tenant)).nominalEnd().lastDay();
        }

        long logged(UUID tenant, String action, String object) {
            return TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql(
                    "SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = ? AND object_ref = ?")
                    .params(tenant, action, object).query(Long.class).single());
        }

        String rowsOf(UUID tenant) {
            return TenantScope.call(DataScope.wholeProvider(), () -> {
                StringBuilder s = new StringBuilder();
                for (String table : List.of("calendar_settings", "calendar_edits")) {
                    jdbc.sql("SELECT * FROM " + table + " WHERE tenant_id = ?").param(tenant).query(rs -> {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            s.append(rs.getString(i)).append('|');
                        }
                        s.append('\n');
                    });
                }
                return s.toString();
            });
        }

        static List<String> holidayDates(JsonNode calendar) {
            List<String> dates = new ArrayList<>();
            calendar.get("holidays").forEach(h -> dates.add(h.get("date").asString()));
            return dates;
        }

        static JsonNode holiday(JsonNode calendar, String date) {
            for (JsonNode h : calendar.get("holidays")) {
                if (h.get("date").asString().equals(date)) {
                    return h;
                }
            }
            return null;
        }

        static void invalid(Response r, String field) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("type").asString()).isEqualTo("urn:steward:problem:invalid-field");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }

        @Test
        void untilSetTheCalendarIsTheFirstStorageCountrysInItsCapitalsZone() {
            Tenant france = tenantStoringIn("FR", "DE");
            var calendar = calendars.of(france.id());
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
            assertThat(calendar.holidays().country()).isEqualTo("FR");
            assertThat(calendar.holidays().isHoliday(LocalDate.of(2027, 7, 14))).as("Bastille Day").isTrue();
            assertThat(calendar.holidays().isHoliday(LocalDate.of(2027, 10, 3))).as("German Unity Day").isFalse();

            Response r = api.get(fixtures.token(france, Role.CUSTOMER_USER), "/api/v1/calendar?year=2027");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = r.json();
            assertThat(body.get("year").asInt()).isEqualTo(2027);
            assertThat(body.get("settings").get("zone").asString()).isEqualTo("Europe/Paris");
            assertThat(body.get("settings").get("country").asString()).isEqualTo("FR");
            assertThat(body.get("settings").get("chosen").asBoolean()).isFalse();
            assertThat(holiday(body, "2027-07-14").get("name").asString()).isEqualTo("Bastille Day");
            assertThat(holiday(body, "2027-07-14").get("origin").asString()).isEqualTo("national");
            // 365 days, 104 weekend days, and FR's 11 holidays of which 1 May, 8 May, 15 Aug and 25 Dec 2027 fall on a weekend.
            assertThat(body.get("workingDays").asLong()).isEqualTo(365 - 104 - 7);
        }

        @Test
        void aStorageCountryWithoutHolidayRulesCountsWeekendsOnlyInUtc() {
            Tenant swiss = tenantStoringIn("CH");
            var calendar = calendars.of(swiss.id());
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(calendar.holidays().holidaysIn(2027)).isEmpty();
            JsonNode body = api.get(fixtures.token(swiss, Role.CUSTOMER_ADMIN), "/api/v1/calendar?year=2027").json();
            JsonNode country = body.get("settings").get("country");
            assertThat(country == null || country.isNull()).as("no country").isTrue();
            assertThat(body.get("settings").get("zone").asString()).isEqualTo("UTC");
        }

        @Test
        void aDeadlineEndingOnAnAddedHolidayMovesToTheNextWorkingDay() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(lastDayOfAMonthFrom(t.id(), FEBRUARY_10)).isEqualTo(LocalDate.of(2027, 3, 10));

            Response added = api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "2027-03-10",
                    "name", "Company closure"));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.header("Location")).isEqualTo("/api/v1/calendar/holidays/2027-03-10");
            assertThat(added.json().get("origin").asString()).isEqualTo("added");

            assertThat(lastDayOfAMonthFrom(t.id(), FEBRUARY_10)).isEqualTo(LocalDate.of(2027, 3, 11));
            JsonNode year = api.get(admin, "/api/v1/calendar?year=2027").json();
            assertThat(holiday(year, "2027-03-10").get("name").asString()).isEqualTo("Company closure");
            assertThat(holiday(year, "2027-03-10").get("addedBy").asString()).startsWith("token:");
            assertThat(logged(t.id(), "calendar.holiday.added", "holiday:2027-03-10")).isEqualTo(1);

            Response taken = api.delete(admin, "/api/v1/calendar/holidays/2027-03-10");
            assertThat(taken.status()).as(taken.body()).isEqualTo(204);
            assertThat(lastDayOfAMonthFrom(t.id(), FEBRUARY_10)).as("the added date taken back")
                    .isEqualTo(LocalDate.of(2027, 3, 10));
            assertThat(logged(t.id(), "calendar.holiday.removed", "holiday:2027-03-10")).isEqualTo(1);
            assertThat(api.delete(admin, "/api/v1/calendar/holidays/2027-03-10").status())
                    .as("no holiday any more").isEqualTo(404);
        }

        @Test
        void aRemovedNationalHolidayIsAWorkingDayOfThatTenantOnly() {
            Tenant t = fixtures.tenant();
            Tenant other = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(lastDayOfAMonthFrom(t.id(), JANUARY_8)).as("Prešeren Day").isEqualTo(LocalDate.of(2027, 2, 9));

            assertThat(api.delete(admin, "/api/v1/calendar/holidays/2027-02-08").status()).isEqualTo(204);

            assertThat(lastDayOfAMonthFrom(t.id(), JANUARY_8)).isEqualTo(LocalDate.of(2027, 2, 8));
            assertThat(lastDayOfAMonthFrom(other.id(), JANUARY_8)).as("another tenant of the same country")
                    .isEqualTo(LocalDate.of(2027, 2, 9));
            JsonNode year = api.get(admin, "/api/v1/calendar?year=2027").json();
            assertThat(holidayDates(year)).doesNotContain("2027-02-08");
            assertThat(year.get("removed").get(0).get("date").asString()).isEqualTo("2027-02-08");
            assertThat(year.get("removed").get(0).get("nationalName").asString()).isEqualTo("Prešeren Day");
            assertThat(api.delete(admin, "/api/v1/calendar/holidays/2027-02-08").status()).as("removed already")
                    .isEqualTo(404);

            assertThat(api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "2027-02-08", "name", "Prešeren Day"))
                    .status()).as("added back").isEqualTo(201);
            assertThat(lastDayOfAMonthFrom(t.id(), JANUARY_8)).isEqualTo(LocalDate.of(2027, 2, 9));
        }

        @Test
        void theZoneAndCountryTheAdministratorSetsReplaceTheDefault() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            Response set = api.send(admin, "PUT", "/api/v1/calendar", Map.of("zone", "Europe/Vienna", "country", "at"),
                    Map.of());
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().get("country").asString()).isEqualTo("AT");
            assertThat(set.json().get("chosen").asBoolean()).isTrue();

            var calendar = calendars.of(t.id());
            assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Vienna"));
            assertThat(calendar.holidays().isHoliday(LocalDate.of(2027, 10, 26))).as("Austrian National Day").isTrue();
            assertThat(calendar.holidays().isHoliday(LocalDate.of(2027, 2, 8))).as("Prešeren Day").isFalse();
            assertThat(logged(t.id(), "calendar.configured", "calendar zone:Europe/Vienna country:AT")).isEqualTo(1);

            Map<String, Object> none = new java.util.HashMap<>();
            none.put("zone", "UTC");
            none.put("country", null);
            assertThat(api.send(admin, "PUT", "/api/v1/calendar", none, Map.of()).status()).isEqualTo(200);
            assertThat(calendars.of(t.id()).holidays().holidaysIn(2027)).isEmpty();
        }

        @Test
        void badInputNamesTheFieldAndChangesNothing() {
            Tenant t = fixtures.tenant();
            String admin = fixtures.token(t, Role.CUSTOMER_ADMIN);
            assertThat(api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "2027-05-03", "name", "Bridge day"))
                    .status()).isEqualTo(201);
            String before = rowsOf(t.id());

            invalid(api.send(admin, "PUT", "/api/v1/calendar", Map.of("zone", "Mars/Olympus", "country", "SI"), Map.of()),
                    "zone");
            invalid(api.send(admin, "PUT", "/api/v1/calendar", Map.of("country", "SI"), Map.of()), "zone");
            invalid(api.send(admin, "PUT", "/api/v1/calendar", Map.of("zone", "Europe/Paris", "country", "XX"), Map.of()),
                    "country");
            invalid(api.send(admin, "PUT", "/api/v1/calendar", Map.of("zone", "Europe/Zurich", "country", "CH"), Map.of()),
                    "country");
            invalid(api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "2027-13-01", "name", "x")), "date");
            invalid(api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "3.5.2027", "name", "x")), "date");
            invalid(api.post(admin, "/api/v1/calendar/holidays", Map.of("name", "x")), "date");
            invalid(api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "2027-05-04", "name", "  ")), "name");
            invalid(api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "2027-05-04", "name", "x".repeat(101))),
                    "name");
            invalid(api.post(admin, "/api/v1/calendar/holidays", Map.of("date", "2027-05-04", "name", "tab\there")),
                    "name");
            invalid(api.delete(admin, "/api/v1/calendar/holidays/not-a-date"), "date");
            invalid(api.get(admin, "/api/v1/calendar?year=twenty"), "year");
            invalid(api.get(admin, "/api/v1/calendar?year=99999"), "year");

            assertThat(rowsOf(t.id())).isEqualTo(before);
            assertThat(calendars.of(t.id()).holidays().isHoliday(LocalDate.of(2027, 5, 4))).isFalse();
        }

        @Test
        void oneTenantsEditsNeitherCountNorShowForAnother() {
            Tenant a = fixtures.tenant();
            Tenant b = fixtures.tenant();
            String bAdmin = fixtures.token(b, Role.CUSTOMER_ADMIN);
            String aAdmin = fixtures.token(a, Role.CUSTOMER_ADMIN);
            String secret = "closure-of-b-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(api.post(bAdmin, "/api/v1/calendar/holidays", Map.of("date", "2027-03-10", "name", secret))
                    .status()).isEqualTo(201);
            String bRows = rowsOf(b.id());

            assertThat(calendars.of(a.id()).holidays().isHoliday(LocalDate.of(2027, 3, 10))).isFalse();
            assertThat(api.get(aAdmin, "/api/v1/calendar?year=2027").body()).doesNotContain(secret);
            assertThat(api.delete(aAdmin, "/api/v1/calendar/holidays/2027-03-10").status()).isEqualTo(404);
            assertThat(rowsOf(b.id())).isEqualTo(bRows);
            assertThat(calendars.of(b.id()).holidays().holidayOn(LocalDate.of(2027, 3, 10))).contains(secret);
        }

        @Test
        void staffReadTheCalendarAndOnlyAdministratorsChangeIt() {
            Tenant t = fixtures.tenant();
            String user = fixtures.token(t, Role.CUSTOMER_USER);
            assertThat(api.get(user, "/api/v1/calendar").status()).isEqualTo(200);
            assertThat(api.post(user, "/api/v1/calendar/holidays", Map.of("date", "2027-05-04", "name", "x")).status())
                    .isEqualTo(403);
            assertThat(api.send(user, "PUT", "/api/v1/calendar", Map.of("zone", "UTC"), Map.of()).status()).isEqualTo(403);
            assertThat(api.delete(user, "/api/v1/calendar/holidays/2027-02-08").status()).isEqualTo(403);
            assertThat(rowsOf(t.id())).isEmpty();
        }
    }
}
