package dev.steward.platform;

import java.time.Duration;
import java.util.Objects;

/**
 * A piece of background work a feature contributes, run by the {@code jobs} feature once across
 * all nodes sharing the database. Register one by making it a Spring bean.
 *
 * <p>Guarantees the runner gives: {@link #run()} starts at most once per {@link #interval()} on
 * the whole installation while its lease lasts, measured from the end of the previous run (a
 * fixed delay). The running node renews the lease while {@code run()} runs, however long; a node
 * that dies mid-run leaves a lease that expires within one lease ({@code steward.jobs.lease}, a
 * minute), after which another node runs the job again, so {@code run()} must be safe to repeat. What {@code run()} throws is
 * recorded as a failure by its exception type only, never its message (messages may quote data).
 *
 * <p>It lives in {@code platform}, the shared vocabulary, because features register jobs while
 * {@code jobs} itself uses {@code platform}: a contract in {@code jobs} would make a cycle.
 */
public interface Job {

    /** Stable, unique across the installation, dotted: {@code records.purge-erased}. The job table's key. */
    String name();

    /** The delay from the end of one run to the start of the next. */
    Duration interval();

    void run();

    /** A job from its parts, for a feature that contributes several. */
    static Job of(String name, Duration interval, Runnable work) {
        Objects.requireNonNull(work, "work");
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return interval;
            }

            @Override
            public void run() {
                work.run();
            }

            @Override
            public String toString() {
                return "Job[" + name + " every " + interval + "]";
            }
        };
    }
}
