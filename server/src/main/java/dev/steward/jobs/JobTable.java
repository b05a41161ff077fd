package dev.steward.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.platform.Timestamps;

/** The global {@code jobs} table: one row per job name, its lease and its last outcome. */
@Repository
class JobTable {

    /** A lease this node holds: the token proves it is still ours when the run is recorded. */
    record Lease(String name, String token, Instant startedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    JobTable(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Adds the job's row if no node has yet; a job first runs one interval after it is first known,
     * as the {@code @Scheduled} methods it replaces did. Nodes may disagree on the interval
     * (rolling configuration change): the last to start says what is shown.
     */
    void register(String name, Duration every, Instant now) {
        int changed = jdbc.sql("UPDATE jobs SET run_every = ? WHERE name = ?").params(every.toString(), name).update();
        if (changed == 0) {
            try {
                jdbc.sql("INSERT INTO jobs (name, run_every, next_run_at) VALUES (?, ?, ?)")
                        .params(name, every.toString(), Timestamps.utc(now.plus(every))).update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // its row serves as well as ours would
            }
        }
    }

    /**
     * Takes the lease of one due job among {@code names}, if any. Rows another node is claiming
     * right now are skipped rather than waited for; a lease that has run out counts as free.
     */
    Optional<Lease> claim(Collection<String> names, Instant now, Duration leaseFor, String token) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return tx.execute(s -> {
            Optional<String> due = jdbc.sql("SELECT name FROM jobs WHERE name IN (:names) AND next_run_at <= :now "
                    + "AND (lease_until IS NULL OR lease_until <= :now) ORDER BY next_run_at, name FOR UPDATE SKIP LOCKED")
                    .param("names", names).param("now", Timestamps.utc(now)).query(String.class).stream().findFirst();
            if (due.isEmpty()) {
                return Optional.<Lease>empty();
            }
            // The WHERE repeats the due test so the claim stays right even where the lock were not held.
            int taken = jdbc.sql("UPDATE jobs SET lease_owner = :token, lease_until = :until, last_started_at = :now "
                    + "WHERE name = :name AND next_run_at <= :now AND (lease_until IS NULL OR lease_until <= :now)")
                    .param("token", token).param("until", Timestamps.utc(now.plus(leaseFor)))
                    .param("now", Timestamps.utc(now)).param("name", due.get()).update();
            return taken == 1 ? Optional.of(new Lease(due.get(), token, now)) : Optional.<Lease>empty();
        });
    }

    /**
     * Moves the end of a running job's lease to {@code until}, only while the lease is still ours;
     * false once it is not (another node took the job over after it ran out, or the run was recorded).
     */
    boolean renew(Lease lease, Instant until) {
        return Boolean.TRUE.equals(tx.execute(s -> jdbc.sql(
                "UPDATE jobs SET lease_until = ? WHERE name = ? AND lease_owner = ?")
                .params(Timestamps.utc(until), lease.name(), lease.token()).update() == 1));
    }

    /** The failure streak before and after a recorded run. */
    record Streak(int before, int after) {
    }

    /**
     * Records a run's end and frees the lease, only if the lease is still ours (another node may
     * have taken it over after it expired); empty when the lease was lost and nothing was recorded.
     * Runs in the caller's transaction.
     */
    Optional<Streak> finish(Lease lease, Instant now, Instant nextRunAt, boolean ok, String message) {
        Optional<Integer> before = jdbc.sql("SELECT consecutive_failures FROM jobs WHERE name = ? AND lease_owner = ? FOR UPDATE")
                .params(lease.name(), lease.token()).query(Integer.class).optional();
        if (before.isEmpty()) {
            return Optional.empty();
        }
        int after = ok ? 0 : before.get() + 1;
        jdbc.sql("UPDATE jobs SET lease_owner = NULL, lease_until = NULL, last_finished_at = ?, last_outcome = ?, "
                + "last_message = ?, consecutive_failures = ?, next_run_at = ? WHERE name = ? AND lease_owner = ?")
                .params(Timestamps.utc(now), ok ? "ok" : "failed", message, after, Timestamps.utc(nextRunAt),
                        lease.name(), lease.token())
                .update();
        return Optional.of(new Streak(before.get(), after));
    }

    List<JobState> all(int alertAfter) {
        return jdbc.sql("SELECT name, run_every, next_run_at, lease_owner, lease_until, last_started_at, last_finished_at, "
                + "last_outcome, last_message, consecutive_failures FROM jobs ORDER BY name")
                .query((rs, n) -> new JobState(rs.getString(1), Duration.parse(rs.getString(2)), Timestamps.instant(rs, 3),
                        rs.getString(4), Timestamps.instant(rs, 5), Timestamps.instant(rs, 6), Timestamps.instant(rs, 7),
                        rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(10) >= alertAfter))
                .list();
    }
}
