package dev.steward.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.Account;
import dev.steward.platform.Role;
import dev.steward.support.Db;
import dev.steward.support.BrowserTestBase;
import dev.steward.tenancy.Tenant;

/** The "Calendar" console page in headless Chromium: an administrator adds a holiday to the year's calendar. H2 only. */
class CalendarBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        @Autowired
        TenantCalendars calendars;

        @Test
        void anAdministratorAddsAHolidayAndTheYearShowsItAsANonWorkingDay() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            signIn(t, admin);

            browser.find("nav a[href='/console/calendar']").click();
            browser.awaitPath("/console/calendar");
            assertThat(browser.title()).isEqualTo("Calendar · Steward");
            assertThat(browser.find("#zone").getText()).isEqualTo("Europe/Ljubljana");
            browser.go("/console/calendar?year=2027");
            assertThat(browser.find("#day-2027-03-10").getAttribute("class")).contains("working");
            String workingDays = browser.find("#working-days").getText();

            browser.setDate("#date", "2027-03-10");
            browser.type("#name", "Company closure");
            browser.find("#add").click();

            browser.awaitText("#form-done", "Holiday added.");
            assertThat(browser.find("#holiday-2027-03-10").getText()).contains("Company closure", "added by account:");
            assertThat(browser.find("#day-2027-03-10").getAttribute("class")).contains("added");
            assertThat(Long.parseLong(browser.find("#working-days").getText())).isEqualTo(Long.parseLong(workingDays) - 1);
            assertThat(calendars.of(t.id()).holidays().holidayOn(LocalDate.of(2027, 3, 10))).contains("Company closure");
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void aUserSeesTheCalendarWithoutTheFormsToChangeIt() {
            Tenant t = fixtures.tenant();
            Account user = fixtures.account(t, Role.CUSTOMER_USER);
            signIn(t, user);

            browser.go("/console/calendar?year=2027");
            assertThat(browser.find("#holiday-2027-02-08").getText()).contains("Prešeren Day", "national");
            assertThat(browser.findAll("#add-form")).isEmpty();
            assertThat(browser.findAll("#remove-2027-02-08")).isEmpty();
        }
    }
}
