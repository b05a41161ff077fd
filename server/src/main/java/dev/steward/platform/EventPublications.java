package dev.steward.platform;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Component;

/**
 * The domain events' delivery, as operators see and steer it. Events are stored by Spring
 * Modulith's JDBC event publication registry in the publishing transaction and handed to
 * {@code @ApplicationModuleListener}s (asynchronous, hence {@code @EnableAsync}) after the commit.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>A publication whose listener failed, or whose server stopped before the listener ran,
 *       stays incomplete in {@code event_publication} and is resubmitted: at start
 *       ({@code spring.modulith.events.republish-outstanding-events-on-restart}) and every
 *       {@code steward.events.retry-interval} once it is older than {@code steward.events.retry-after}
 *       (so a listener still running is not started twice).</li>
 *   <li>The number of incomplete publications is the gauge {@code steward_events_incomplete}.</li>
 *   <li>Completed publications are deleted after {@code steward.events.keep-completed} (they hold
 *       ids and states only; the acts themselves are in the system log).</li>
 * </ul>
 */
@Component
@EnableAsync
public class EventPublications {

    private static final Logger log = LoggerFactory.getLogger(EventPublications.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcClient jdbc;
    private final Duration retryAfter;
    private final Duration keepCompleted;

    EventPublications(IncompleteEventPublications incomplete, CompletedEventPublications completed, JdbcClient jdbc,
            MeterRegistry meters, @Value("${steward.events.retry-after:PT1M}") Duration retryAfter,
            @Value("${steward.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.retryAfter = retryAfter;
        this.keepCompleted = keepCompleted;
        Gauge.builder("steward.events.incomplete", this, EventPublications::countIncomplete)
                .description("Domain event publications whose listener has not completed (failed or not yet run)")
                .register(meters);
    }

    /** Publications whose listener has not completed yet: failed, waiting for a retry, or running. */
    public long countIncomplete() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    /** The oldest incomplete publications first, at most {@code limit}: for the operators' console. */
    public java.util.List<IncompletePublication> incomplete(int limit) {
        return jdbc.sql("SELECT id, event_type, listener_id, publication_date, completion_attempts, status,"
                + " last_resubmission_date FROM event_publication WHERE completion_date IS NULL"
                + " ORDER BY publication_date, id FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new IncompletePublication(rs.getObject("id", java.util.UUID.class),
                        rs.getString("event_type"), rs.getString("listener_id"),
                        Timestamps.instant(rs, "publication_date"), rs.getInt("completion_attempts"),
                        rs.getString("status"), Timestamps.instant(rs, "last_resubmission_date")))
                .list();
    }

    /**
     * The resubmission as a job: one node at a time hands incomplete publications to their
     * listeners, so two nodes never start the same listener twice for one retry.
     */
    @org.springframework.context.annotation.Bean
    static Job eventResubmission(EventPublications publications,
            @Value("${steward.events.retry-interval:PT1M}") Duration interval) {
        return Job.of("platform.event-resubmission", interval, publications::resubmitIncomplete);
    }

    /** Hands every publication incomplete for longer than {@code steward.events.retry-after} to its listener again. */
    public void resubmitIncomplete() {
        long waiting = countIncomplete();
        if (waiting > 0) {
            log.info("{} event publications incomplete; resubmitting those older than {}", waiting, retryAfter);
            incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        }
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
