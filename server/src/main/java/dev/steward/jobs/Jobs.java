package dev.steward.jobs;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.steward.platform.Caller;

/** The installation's background jobs as provider staff see them (JOBS_READ). */
@Service
public class Jobs {

    private final JobTable table;
    private final JobSettings settings;

    Jobs(JobTable table, JobSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    public List<JobState> list(Caller caller) {
        caller.require(JobPermissions.JOBS_READ);
        return table.all(settings.alertAfter());
    }

    /** Consecutive failures that raise a job's alert. */
    public int alertAfter() {
        return settings.alertAfter();
    }
}
