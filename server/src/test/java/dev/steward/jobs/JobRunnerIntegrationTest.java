package dev.steward.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.platform.DataScope;
import dev.steward.platform.Job;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.support.Db;
import dev.steward.support.Fixtures;
import dev.steward.support.IntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Jobs run once across nodes sharing a database: two runners ("nodes") on one database, time moved
 * with the test clock, never by sleeping.
 */
class JobRunnerIntegrationTest {

    @Nested
    @ActiveProfiles(Db.H2)
    class OnH2 extends Cases {
    }

    @Nested
    @ActiveProfiles(Db.POSTGRES)
    class OnPostgres extends Cases {
    }

    abstract static class Cases extends IntegrationTestBase {

        static final Duration EVERY = Duration.ofMinutes(5);

        @Autowired
        JobTable table;
        @Autowired
        JobAlarm alarm;
        @Autowired
        TransactionTemplate tx;
        @Autowired
        JobSettings settings;
        @Autowired
        JobRunner contextRunner;
        @Autowired
        MeterRegistry meters;
        @Autowired
        JdbcClient jdbc;

        JobRunner node(String name, Job... jobs) {
            return new JobRunner(table, alarm, tx, clock, settings, name, List.of(jobs));
        }

        JobState state(String job) {
            return table.all(settings.alertAfter()).stream().filter(s -> s.name().equals(job)).findFirst().orElseThrow();
        }

        @Test
        void aDueJobRunsOnceAcrossTwoNodesAndNotBeforeItsInterval() {
            String name = Fixtures.unique("test.count");
            AtomicInteger runs = new AtomicInteger();
            Job job = Job.of(name, EVERY, runs::incrementAndGet);
            JobRunner a = node("node-a", job);
            JobRunner b = node("node-b", job);

            assertThat(a.runDueJobs()).as("first seen: due one interval later").isEmpty();
            assertThat(b.runDueJobs()).isEmpty();
            clock.advance(EVERY.minusSeconds(30));
            assertThat(a.runDueJobs()).isEmpty();
            clock.advance(Duration.ofSeconds(31));

            assertThat(a.runDueJobs()).containsExactly(name);
            assertThat(b.runDueJobs()).as("already run by node-a").isEmpty();
            assertThat(runs).hasValue(1);
            JobState s = state(name);
            assertThat(s.lastOutcome()).isEqualTo("ok");
            assertThat(s.leaseOwner()).isNull();
            assertThat(s.nextRunAt()).isAfterOrEqualTo(s.lastFinishedAt().plus(EVERY));

            clock.advance(EVERY.plusSeconds(1));
            assertThat(b.runDueJobs()).as("next interval: whichever node looks first").containsExactly(name);
            assertThat(a.runDueJobs()).isEmpty();
            assertThat(runs).hasValue(2);
        }

        @Test
        void aNodeDoesNotStartAJobAnotherNodeIsRunning() throws Exception {
            String name = Fixtures.unique("test.slow");
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            Job job = Job.of(name, EVERY, () -> {
                runs.incrementAndGet();
                started.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            JobRunner a = node("node-a", job);
            JobRunner b = node("node-b", job);
            a.runDueJobs();
            clock.advance(EVERY.plusSeconds(1));

            CompletableFuture<List<String>> onA = CompletableFuture.supplyAsync(a::runDueJobs);
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(state(name).leaseOwner()).startsWith("node-a/");
            assertThat(b.runDueJobs()).as("node-a holds the lease").isEmpty();
            release.countDown();
            assertThat(onA.get(30, TimeUnit.SECONDS)).containsExactly(name);
            assertThat(runs).hasValue(1);
        }

        @Test
        void theLeaseOfANodeThatDiedMidRunIsTakenOverWhenItExpires() {
            String name = Fixtures.unique("test.orphan");
            AtomicInteger runs = new AtomicInteger();
            Job job = Job.of(name, EVERY, runs::incrementAndGet);
            JobRunner survivor = node("node-b", job);
            survivor.runDueJobs();
            clock.advance(EVERY.plusSeconds(1));
            // node-a claims the job and dies before it records anything.
            JobTable.Lease dead = table.claim(List.of(name), clock.instant(), settings.lease(), "node-a/dead").orElseThrow();

            assertThat(survivor.runDueJobs()).as("the lease still holds").isEmpty();
            clock.advance(settings.lease().minusSeconds(30));
            assertThat(survivor.runDueJobs()).isEmpty();
            clock.advance(Duration.ofSeconds(31));
            assertThat(survivor.runDueJobs()).as("the lease ran out").containsExactly(name);
            assertThat(runs).hasValue(1);
            assertThat(state(name).lastOutcome()).isEqualTo("ok");

            boolean lateWrite = Boolean.TRUE.equals(tx.execute(st -> table.finish(dead, clock.instant(), clock.instant(),
                    false, "late").isPresent()));
            assertThat(lateWrite).as("a node that lost its lease records nothing").isFalse();
            assertThat(state(name).lastOutcome()).isEqualTo("ok");
        }

        @Test
        void failuresCountAndTheAlertFiresOnceAtTheThresholdAndClearsOnSuccess() {
            String name = Fixtures.unique("test.flaky");
            AtomicBoolean fail = new AtomicBoolean(true);
            Job job = Job.of(name, EVERY, () -> {
                if (fail.get()) {
                    throw new IllegalStateException("could not reach alice@example.com");
                }
            });
            JobRunner a = node("node-a", job);
            JobRunner b = node("node-b", job);
            a.runDueJobs();
            int threshold = settings.alertAfter();
            assertThat(threshold).isEqualTo(3);

            for (int i = 1; i <= threshold + 2; i++) {
                clock.advance(EVERY.plusSeconds(1));
                assertThat((i % 2 == 0 ? b : a).runDueJobs()).containsExactly(name);
                JobState s = state(name);
                assertThat(s.consecutiveFailures()).isEqualTo(i);
                assertThat(s.lastOutcome()).isEqualTo("failed");
                assertThat(s.lastMessage()).as("the type, never the message").isEqualTo("java.lang.IllegalStateException");
                assertThat(s.failing()).as("after failure " + i).isEqualTo(i >= threshold);
                assertThat(gauge(name)).as("gauge after failure " + i).isEqualTo(i >= threshold ? 1.0 : 0.0);
                assertThat(logEntries(name, "job.failing")).as("alerts after failure " + i).isEqualTo(i >= threshold ? 1 : 0);
            }
            assertThat(logEntries(name, "job.recovered")).isZero();

            fail.set(false);
            clock.advance(EVERY.plusSeconds(1));
            assertThat(b.runDueJobs()).containsExactly(name);
            JobState s = state(name);
            assertThat(s.consecutiveFailures()).isZero();
            assertThat(s.lastOutcome()).isEqualTo("ok");
            assertThat(s.lastMessage()).isNull();
            assertThat(s.failing()).isFalse();
            assertThat(gauge(name)).isEqualTo(0.0);
            assertThat(logEntries(name, "job.recovered")).isEqualTo(1);

            fail.set(true);
            for (int i = 1; i <= threshold; i++) {
                clock.advance(EVERY.plusSeconds(1));
                a.runDueJobs();
            }
            assertThat(logEntries(name, "job.failing")).as("a new streak alerts again").isEqualTo(2);
        }

        @Test
        void theFeaturesJobsRunThroughTheRunnerAndAreListedForProviderStaff() {
            contextRunner.runDueJobs();
            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            assertThat(contextRunner.runDueJobs()).as("purge-interval PT1M").contains("records.purge-erased");
            assertThat(state("records.purge-erased").lastOutcome()).isEqualTo("ok");

            var operator = api.get(fixtures.operatorToken(), "/api/v1/jobs");
            assertThat(operator.status()).isEqualTo(200);
            List<String> names = operator.json().valueStream().map(j -> j.get("name").asString()).toList();
            assertThat(names).contains("records.purge-erased", "evidence.anchor", "evidence.sweep",
                    "platform.idempotency-keys-purge");
            var anchor = operator.json().valueStream().filter(j -> j.get("name").asString().equals("evidence.anchor"))
                    .findFirst().orElseThrow();
            assertThat(anchor.get("every").asString()).as("steward.evidence.anchor-interval of the tests").isEqualTo("PT24H");

            String customer = fixtures.token(fixtures.tenant(), Role.CUSTOMER_ADMIN);
            assertThat(api.get(customer, "/api/v1/jobs").status()).isEqualTo(403);
        }

        private double gauge(String job) {
            var g = meters.find(JobAlarm.GAUGE).tag("job", job).gauge();
            return g == null ? 0.0 : g.value();
        }

        private long logEntries(String job, String action) {
            return TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql(
                    "SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = ? AND object_ref = ?")
                    .params(DataScope.PROVIDER_TENANT, action, "job:" + job).query(Long.class).single());
        }
    }
}
