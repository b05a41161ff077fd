package dev.steward.jobs.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.jobs.JobState;
import dev.steward.jobs.Jobs;
import dev.steward.platform.Callers;

/** The installation's background jobs for provider staff: last run, outcome, next run, alert. */
@RestController
@RequestMapping("/api/v1")
class JobApi {

    private final Jobs jobs;

    JobApi(Jobs jobs) {
        this.jobs = jobs;
    }

    /** Not paged: one entry per job the installation runs, a handful. */
    @GetMapping("/jobs")
    List<JobState> list() {
        return jobs.list(Callers.current());
    }
}
