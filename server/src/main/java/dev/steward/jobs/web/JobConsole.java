package dev.steward.jobs.web;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.steward.jobs.Jobs;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;
import dev.steward.platform.EventPublications;
import dev.steward.jobs.JobPermissions;
import java.util.List;
import dev.steward.platform.ConsoleMenuEntry;

/**
 * Console page "Jobs": each background job's last run and outcome, next run, and whether it is
 * failing; and the domain event publications whose listener has not completed (a failed listener
 * waiting for its retry, or one a crash interrupted), oldest first.
 */
@Controller
class JobConsole implements ConsolePage {

    private static final int SHOWN_PUBLICATIONS = 100;

    private final Jobs jobs;
    private final EventPublications publications;
    private final Clock clock;

    JobConsole(Jobs jobs, EventPublications publications, Clock clock) {
        this.jobs = jobs;
        this.publications = publications;
        this.clock = clock;
    }

    @GetMapping("/console/jobs")
    String page(Model model) {
        model.addAttribute("jobs", jobs.list(Callers.current()));
        Callers.current().require(JobPermissions.JOBS_READ);
        model.addAttribute("incompleteCount", publications.countIncomplete());
        model.addAttribute("incomplete", publications.incomplete(SHOWN_PUBLICATIONS));
        model.addAttribute("alertAfter", jobs.alertAfter());
        model.addAttribute("now", clock.instant());
        return "jobs";
    }

    @Override
    public List<ConsoleMenuEntry> menuEntries() {
        return List.of(ConsoleMenuEntry.of("/console/jobs", "Jobs", JobPermissions.JOBS_READ, 60));
    }
}
