package dev.steward.jobs;

import java.time.Duration;

/**
 * @param lease how long a claim holds without being renewed: how soon another node takes over the job
 *        of a node that died. The running node renews it every {@code heartbeat}, so it need not
 *        outlast any run, only a node's pauses (a stalled database connection, a long GC).
 * @param heartbeat how often the running node renews its leases; shorter than the lease, a third of
 *        it unless a test asks for quicker beats
 * @param alertAfter consecutive failures that raise the alert
 */
record JobSettings(Duration lease, Duration heartbeat, int alertAfter) {

    JobSettings {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("steward.jobs.lease must be positive");
        }
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("the lease heartbeat must be positive and shorter than the lease");
        }
        if (alertAfter < 1) {
            throw new IllegalArgumentException("steward.jobs.alert-after must be at least 1");
        }
    }

    /** A lease renewed every third of it: a lost beat leaves the lease standing until the next. */
    JobSettings(Duration lease, int alertAfter) {
        this(lease, lease.dividedBy(3), alertAfter);
    }
}
