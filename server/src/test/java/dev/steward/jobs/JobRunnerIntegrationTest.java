package dev.steward.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
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

        private final List<JobRunner> nodes = new ArrayList<>();

        JobRunner node(String name, Job... jobs) {
            return node(name, settings, jobs);
        }

        JobRunner node(String name, JobSettings with, Job... jobs) {
            JobRunner runner = new JobRunner(table, alarm, tx, clock, with, name, List.of(jobs));
            nodes.add(runner);
            return runner;
        }

        @AfterEach
        void stopTheNodesHeartbeats() {
            nodes.forEach(JobRunner::close);
        }

        /** Polls the job's row until its lease ends no earlier than {@code atLeast}; the heartbeat renews it by itself. */
        Instant awaitLeaseUntil(String job, Instant atLeast) {
            return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> state(job).leaseUntil(), until -> until != null && !until.isBefore(atLeast));
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
            assertThat(settings.lease()).as("a dead node's job waits a minute, not ten").isEqualTo(Duration.ofMinutes(1));
            assertThat(settings.heartbeat()).as("renewed every third of the lease").isEqualTo(Duration.ofSeconds(20));
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
        void aRunningJobsLeaseIsRenewedSoARunLongerThanTheLeaseIsNeverRunTwiceAtOnce() throws Exception {
            String name = Fixtures.unique("test.long");
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            Job job = Job.of(name, EVERY, () -> {
                runs.incrementAndGet();
                started.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // The default lease on the test clock; the beats' wall-clock rhythm quick, so the test need not wait 20 s.
            JobRunner a = node("node-a", new JobSettings(settings.lease(), Duration.ofMillis(50), settings.alertAfter()), job);
            JobRunner b = node("node-b", job);
            a.runDueJobs();
            clock.advance(EVERY.plusSeconds(1));

            CompletableFuture<List<String>> onA = CompletableFuture.supplyAsync(a::runDueJobs);
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            Instant firstEnd = state(name).leaseUntil();
            // Three times two-thirds of a lease: twice as long as the lease first taken, which alone would have run out.
            for (int i = 1; i <= 3; i++) {
                clock.advance(settings.lease().multipliedBy(2).dividedBy(3));
                Instant due = clock.instant().plus(settings.lease());
                assertThat(awaitLeaseUntil(name, due)).as("renewed to a lease from now, beat " + i).isAfterOrEqualTo(due);
                assertThat(state(name).leaseOwner()).startsWith("node-a/");
                assertThat(b.runDueJobs()).as("node-a still holds its renewed lease, beat " + i).isEmpty();
            }
            assertThat(clock.instant()).as("the first lease is long over").isAfter(firstEnd.plus(settings.lease().dividedBy(2)));

            release.countDown();
            assertThat(onA.get(30, TimeUnit.SECONDS)).containsExactly(name);
            assertThat(runs).as("never run twice at once").hasValue(1);
            JobState s = state(name);
            assertThat(s.lastOutcome()).as("node-a's lease was still its own: the run is recorded").isEqualTo("ok");
            assertThat(s.leaseOwner()).isNull();
        }

        @Test
        void aNodeThatStopsRenewingLosesTheJobOneLeaseLaterAndRecordsNothing() throws Exception {
            String name = Fixtures.unique("test.stalled");
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            Job job = Job.of(name, EVERY, () -> {
                if (runs.incrementAndGet() == 1) {
                    started.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            JobRunner a = node("node-a", new JobSettings(settings.lease(), Duration.ofMillis(50), settings.alertAfter()), job);
            JobRunner b = node("node-b", job);
            a.runDueJobs();
            clock.advance(EVERY.plusSeconds(1));
            CompletableFuture<List<String>> onA = CompletableFuture.supplyAsync(a::runDueJobs);
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            clock.advance(settings.lease().dividedBy(2));
            awaitLeaseUntil(name, clock.instant().plus(settings.lease()));

            // node-a stops beating (it froze, or lost the database) while its job still runs.
            a.close();
            Instant lastBeat = state(name).leaseUntil();
            clock.advance(Duration.between(clock.instant(), lastBeat).minusSeconds(5));
            assertThat(b.runDueJobs()).as("the last renewed lease still holds").isEmpty();
            clock.advance(Duration.ofSeconds(6));
            assertThat(b.runDueJobs()).as("one lease after the last beat, node-b takes over").containsExactly(name);
            assertThat(runs).hasValue(2);
            assertThat(state(name).lastOutcome()).isEqualTo("ok");
            Instant recorded = state(name).lastFinishedAt();

            release.countDown();
            assertThat(onA.get(30, TimeUnit.SECONDS)).containsExactly(name);
            assertThat(state(name).lastFinishedAt()).as("node-a lost its lease: its late outcome is not recorded")
                    .isEqualTo(recorded);
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
                assertThat(toldOperators(name)).as("operators told after failure " + i).isEqualTo(i >= threshold ? 1 : 0);
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
            assertThat(toldOperators(name)).as("and tells the operators again").isEqualTo(2);
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

        /** Notices in the provider's console inbox, for its operators and security officers, about this job. */
        private long toldOperators(String job) {
            return TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql(
                    "SELECT COUNT(*) FROM notice_inbox WHERE tenant_id = ? AND subject = ? AND audience LIKE ?"
                            + " AND audience LIKE ?").params(DataScope.PROVIDER_TENANT, "Job " + job + " keeps failing",
                    "%,OPERATOR,%", "%,SECURITY_OFFICER,%").query(Long.class).single());
        }

        private long logEntries(String job, String action) {
            return TenantScope.call(DataScope.wholeProvider(), () -> jdbc.sql(
                    "SELECT COUNT(*) FROM evidence_index WHERE tenant_id = ? AND action = ? AND object_ref = ?")
                    .params(DataScope.PROVIDER_TENANT, action, "job:" + job).query(Long.class).single());
        }
    }
}
