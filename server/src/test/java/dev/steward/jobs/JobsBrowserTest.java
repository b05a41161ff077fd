package dev.steward.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import dev.steward.identity.Account;
import dev.steward.identity.Totp;
import dev.steward.platform.Role;
import dev.steward.support.Db;
import dev.steward.support.BrowserTestBase;
import dev.steward.tenancy.Tenant;

/** The "Jobs" console page in headless Chromium: provider staff see every job's state, customers are refused. H2 only. */
class JobsBrowserTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    abstract static class Cases extends BrowserTestBase {

        @Autowired
        JobRunner runner;

        @Test
        void operatorSeesEachJobsLastRunOutcomeAndNextRun() {
            runner.runDueJobs();
            Account operator = fixtures.account(fixtures.provider(), Role.OPERATOR);
            submitPassword(fixtures.provider(), operator);
            browser.awaitPath("/mfa/enrol");
            String secret = browser.await("#totp-secret").getText().strip();
            browser.type("#code", Totp.codeAt(secret, Totp.stepAt(Instant.now())));
            browser.find("#confirm-mfa").click();
            browser.awaitText("[role=status]", "Your second factor is enrolled.");

            browser.go("/");
            browser.find("nav a[href='/console/jobs']").click();
            browser.awaitPath("/console/jobs");
            assertThat(browser.title()).isEqualTo("Jobs · Steward");
            var purge = browser.find("#job-records\\.purge-erased");
            assertThat(purge.getText()).contains("records.purge-erased", "PT1M");
            assertThat(browser.find("#job-evidence\\.anchor").getText()).contains("PT24H");
            assertThat(browser.findAll("#job-table tbody tr")).hasSizeGreaterThanOrEqualTo(4);
            assertThat(browser.find("#event-table caption").getText()).startsWith("Incomplete publications (");
            assertThat(browser.cspViolations()).isEmpty();
        }

        @Test
        void customerAdminIsRefusedThePageAndNotOfferedIt() {
            Tenant t = fixtures.tenant();
            Account admin = fixtures.account(t, Role.CUSTOMER_ADMIN);
            submitPassword(t, admin);
            browser.awaitText("#who", admin.username());
            assertThat(browser.findAll("nav a[href='/console/jobs']")).isEmpty();
            browser.go("/console/jobs");
            assertThat(browser.status()).isEqualTo(403);
            assertThat(browser.title()).isEqualTo("Forbidden · Steward");
        }
    }
}
