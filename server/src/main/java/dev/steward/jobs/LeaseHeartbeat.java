package dev.steward.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the leases of the jobs this node is running from running out while they run.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Every {@link JobSettings#heartbeat()} (a third of the lease) each lease this node holds is
 *       moved to end one {@link JobSettings#lease()} after now, on the injected clock, and only while
 *       it is still this node's ({@link JobTable#renew}). A healthy job, however long it runs, keeps
 *       its lease, and one beat may fail with the next still in time.</li>
 *   <li>A node that dies stops beating, so its lease ends at most one lease after its last beat, and
 *       another node takes the job over then: about a minute with the default lease, whatever the
 *       job's length.</li>
 *   <li>A lease another node has taken over (this node's beats failed for a whole lease) is let go
 *       and said so in the application log; the run's outcome will not be recorded either.</li>
 * </ul>
 * Only the rhythm of the beats is wall-clock time, as the poll loop's is.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseHeartbeat.class);

    private final JobTable table;
    private final Clock clock;
    private final JobSettings settings;
    private final Map<String, JobTable.Lease> held = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    LeaseHeartbeat(JobTable table, Clock clock, JobSettings settings) {
        this.table = table;
        this.clock = clock;
        this.settings = settings;
    }

    /** Renews {@code lease} from now on, until {@link #release}. */
    void hold(JobTable.Lease lease) {
        held.put(lease.token(), lease);
        start();
    }

    /** Stops renewing {@code lease}: before its run is recorded, so no beat races the release. */
    void release(JobTable.Lease lease) {
        held.remove(lease.token());
    }

    /** One beat: every held lease renewed, each in its own short transaction. */
    void beat() {
        for (JobTable.Lease lease : held.values()) {
            Instant now = clock.instant();
            try {
                // A lease released meanwhile is no longer in the map: its failed renewal is no loss.
                if (!table.renew(lease, now.plus(settings.lease())) && held.remove(lease.token()) != null) {
                    LOG.warn("job {} lost its lease to another node while running", lease.name());
                }
            } catch (RuntimeException e) {
                // The database may be away for a moment: the next beat, still within the lease, tries again.
                LOG.warn("the lease of job {} could not be renewed", lease.name(), e);
            }
        }
    }

    private synchronized void start() {
        if (executor == null) {
            long every = settings.heartbeat().toMillis();
            executor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("steward-jobs-heartbeat").daemon().factory());
            executor.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops beating: the leases still held then run out one lease later, as a dead node's do. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
