package dev.steward.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.platform.DataScope;
import dev.steward.platform.Job;
import dev.steward.platform.TenantScope;

/**
 * Runs the due jobs of this node, each at most once across all nodes sharing the database: a job
 * runs only under a lease taken in the job table, short and renewed by this node's
 * {@link LeaseHeartbeat} while the job runs, so a long run keeps it and a dead node's lapses within
 * one lease. Every decision (is it due, has a lease run out, when is it next due, until when a lease
 * holds) reads the injected {@link Clock}; the poll loop and the heartbeat only say when to look.
 */
public class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final JobTable table;
    private final JobAlarm alarm;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JobSettings settings;
    private final String node;
    private final LeaseHeartbeat heartbeat;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private volatile boolean registered;

    JobRunner(JobTable table, JobAlarm alarm, TransactionTemplate tx, Clock clock, JobSettings settings, String node,
            List<Job> jobs) {
        this.table = table;
        this.alarm = alarm;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.node = node;
        this.heartbeat = new LeaseHeartbeat(table, clock, settings);
        for (Job job : jobs) {
            if (this.jobs.putIfAbsent(job.name(), job) != null) {
                throw new IllegalStateException("two jobs are named " + job.name());
            }
        }
    }

    /** The name this node's leases carry. */
    public String node() {
        return node;
    }

    /**
     * Runs, one after another, every job of this node that is due now and not leased by another
     * node, and returns their names. A job runs at most once per call.
     */
    public List<String> runDueJobs() {
        register();
        List<String> ran = new ArrayList<>();
        Set<String> left = new LinkedHashSet<>(jobs.keySet());
        while (!left.isEmpty()) {
            Optional<JobTable.Lease> lease = table.claim(left, clock.instant(), settings.lease(),
                    node + "/" + UUID.randomUUID());
            if (lease.isEmpty()) {
                break;
            }
            left.remove(lease.get().name());
            run(lease.get());
            ran.add(lease.get().name());
        }
        alarm.show(table.all(settings.alertAfter()));
        return ran;
    }

    /** Stops renewing leases (the application stops): a job still running keeps its lease one lease more. */
    @Override
    public void close() {
        heartbeat.close();
    }

    private void register() {
        if (!registered) {
            Instant now = clock.instant();
            jobs.values().forEach(job -> table.register(job.name(), job.interval(), now));
            registered = true;
        }
    }

    private void run(JobTable.Lease lease) {
        Job job = jobs.get(lease.name());
        boolean ok;
        String message;
        heartbeat.hold(lease);
        try {
            job.run();
            ok = true;
            message = null;
        } catch (RuntimeException e) {
            ok = false;
            // The type only, here and in the table: a message may quote the data the job was working on.
            message = e.getClass().getName();
            LOG.warn("job {} failed: {}", job.name(), message);
            LOG.debug("job {} failed", job.name(), e);
        } finally {
            heartbeat.release(lease);
        }
        finish(lease, job.interval(), ok, message == null ? null : message.substring(Math.max(0, message.length() - 200)));
    }

    private void finish(JobTable.Lease lease, Duration interval, boolean ok, String message) {
        try {
            TenantScope.run(DataScope.wholeProvider(), () -> tx.executeWithoutResult(s -> {
                Instant now = clock.instant();
                table.finish(lease, now, now.plus(interval), ok, message).ifPresentOrElse(streak -> {
                    if (streak.after() == settings.alertAfter()) {
                        alarm.raise(lease.name(), settings.alertAfter());
                    } else if (ok && streak.before() >= settings.alertAfter()) {
                        alarm.clear(lease.name());
                    }
                }, () -> LOG.warn("job {} ran past its lease; another node has taken it over", lease.name()));
            }));
        } catch (RuntimeException e) {
            // Nothing recorded: the lease runs out and another run (here or elsewhere) follows.
            LOG.warn("the outcome of job {} could not be recorded", lease.name(), e);
        }
    }
}
