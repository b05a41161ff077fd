package dev.steward.jobs.web;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.steward.jobs.Jobs;
import dev.steward.platform.Callers;
import dev.steward.platform.ConsolePage;

/** Console page "Jobs": each background job's last run and outcome, next run, and whether it is failing. */
@Controller
class JobConsole implements ConsolePage {

    private final Jobs jobs;
    private final Clock clock;

    JobConsole(Jobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping("/console/jobs")
    String page(Model model) {
        model.addAttribute("jobs", jobs.list(Callers.current()));
        model.addAttribute("alertAfter", jobs.alertAfter());
        model.addAttribute("now", clock.instant());
        return "jobs";
    }
}
