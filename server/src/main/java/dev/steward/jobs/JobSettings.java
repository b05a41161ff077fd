package dev.steward.jobs;

import java.time.Duration;

/**
 * @param lease how long a claim holds: longer than any job runs, since a node that outlives its
 *        lease may see another node run the same job
 * @param alertAfter consecutive failures that raise the alert
 */
record JobSettings(Duration lease, int alertAfter) {

    JobSettings {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("steward.jobs.lease must be positive");
        }
        if (alertAfter < 1) {
            throw new IllegalArgumentException("steward.jobs.alert-after must be at least 1");
        }
    }
}
