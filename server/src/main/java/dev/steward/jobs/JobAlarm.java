package dev.steward.jobs;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.notices.Audience;
import dev.steward.notices.ContactKind;
import dev.steward.notices.NoticeRequest;
import dev.steward.notices.Notices;
import dev.steward.notices.Topic;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The alert of a job that keeps failing: the gauge {@code steward_job_failing{job}} (1 while its
 * failure streak is at or above the threshold, else 0) on every node, from the shared table; one
 * provider system-log entry when a streak reaches the threshold and one when it ends; and, when it
 * reaches it, a notice to the provider's operators and security officers (console inbox) and its
 * operations contacts (email), so someone is told rather than a gauge waiting to be looked at.
 */
@Component
class JobAlarm {

    static final String GAUGE = "steward.job.failing";

    private final MeterRegistry meters;
    private final SystemLog log;
    private final Notices notices;
    private final ConcurrentMap<String, AtomicInteger> failing = new ConcurrentHashMap<>();

    JobAlarm(MeterRegistry meters, SystemLog log, Notices notices) {
        this.meters = meters;
        this.log = log;
        this.notices = notices;
    }

    /** Sets every job's gauge from the table, so a node that did not run a job still reports it. */
    void show(List<JobState> states) {
        for (JobState s : states) {
            gauge(s.name()).set(s.failing() ? 1 : 0);
        }
    }

    /** Written in the transaction that records the failure, so exactly one node writes it per streak. */
    void raise(String job, int threshold) {
        gauge(job).set(1);
        log.record(LogEvent.of(DataScope.PROVIDER_TENANT, null, "job.failing").object("job:" + job).failed());
        notices.notify(new NoticeRequest(DataScope.PROVIDER_TENANT, Topic.OPERATIONS,
                Audience.of(EnumSet.of(Role.OPERATOR, Role.SECURITY_OFFICER), ContactKind.OPERATIONS),
                "Job " + job + " keeps failing", "The background job " + job + " has failed " + threshold
                        + " times in a row. Its last run, outcome and next run are on /console/jobs; the error's type"
                        + " is there and the node's application log has its cause."));
    }

    void clear(String job) {
        gauge(job).set(0);
        log.record(LogEvent.success(DataScope.PROVIDER_TENANT, null, "job.recovered", "job:" + job));
    }

    private AtomicInteger gauge(String job) {
        return failing.computeIfAbsent(job, j -> meters.gauge(GAUGE, Tags.of("job", j), new AtomicInteger()));
    }
}
