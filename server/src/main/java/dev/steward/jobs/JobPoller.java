package dev.steward.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Asks the runner to look for due jobs every few seconds. Only when to look is wall-clock time
 * here; whether a job is due is the runner's decision, on the injected clock.
 */
class JobPoller implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

    private final JobRunner runner;
    private final Duration every;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    /** @param enabled false: this node runs no job by itself (tests call {@link JobRunner#runDueJobs()}) */
    JobPoller(JobRunner runner, Duration every, boolean enabled) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("steward.jobs.poll-interval must be positive");
        }
        this.runner = runner;
        this.every = every;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("steward-jobs").daemon().factory());
        executor.scheduleWithFixedDelay(this::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            runner.runDueJobs();
        } catch (RuntimeException e) {
            // A database that is down is not the end of the loop: the next poll tries again.
            LOG.warn("looking for due jobs failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
