package dev.steward.jobs;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.DataScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The alert of a job that keeps failing: the gauge {@code steward_job_failing{job}} (1 while its
 * failure streak is at or above the threshold, else 0) on every node, from the shared table; and
 * one provider system-log entry when a streak reaches the threshold and one when it ends.
 */
@Component
class JobAlarm {

    static final String GAUGE = "steward.job.failing";

    private final MeterRegistry meters;
    private final SystemLog log;
    private final ConcurrentMap<String, AtomicInteger> failing = new ConcurrentHashMap<>();

    JobAlarm(MeterRegistry meters, SystemLog log) {
        this.meters = meters;
        this.log = log;
    }

    /** Sets every job's gauge from the table, so a node that did not run a job still reports it. */
    void show(List<JobState> states) {
        for (JobState s : states) {
            gauge(s.name()).set(s.failing() ? 1 : 0);
        }
    }

    /** Written in the transaction that records the failure, so exactly one node writes it per streak. */
    void raise(String job) {
        gauge(job).set(1);
        log.record(LogEvent.of(DataScope.PROVIDER_TENANT, null, "job.failing").object("job:" + job).failed());
    }

    void clear(String job) {
        gauge(job).set(0);
        log.record(LogEvent.success(DataScope.PROVIDER_TENANT, null, "job.recovered", "job:" + job));
    }

    private AtomicInteger gauge(String job) {
        return failing.computeIfAbsent(job, j -> meters.gauge(GAUGE, Tags.of("job", j), new AtomicInteger()));
    }
}
