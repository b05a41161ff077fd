package dev.steward.rights.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.DataScope;
import dev.steward.platform.Job;
import dev.steward.platform.TenantScope;

/**
 * Retires request files at the end of their retention (STOR-2): a request answered longer ago than
 * {@code steward.rights.request-retention} has its key destroyed and its sealed columns emptied, in
 * one transaction with its system-log entry. What stays is the skeleton: type, channel, dates, states,
 * actors and the outcome in words without personal data, the proof that the request was answered in
 * time. Its self-service submissions (and so its status link) go with it.
 */
@Component
class RequestFileRetention implements Job {

    private static final int BATCH = 1_000;
    static final String ACTOR = "retention (rights.retire-answered-requests)";

    private final RequestRows rows;
    private final SubmissionRows submissions;
    private final RequestSeal seal;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Period retention;

    RequestFileRetention(RequestRows rows, SubmissionRows submissions, RequestSeal seal, SystemLog log,
            TransactionTemplate tx, Clock clock, @Value("${steward.rights.request-retention:P3Y}") Period retention) {
        this.rows = rows;
        this.submissions = submissions;
        this.seal = seal;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "rights.retire-answered-requests";
    }

    @Override
    public java.time.Duration interval() {
        return java.time.Duration.ofHours(6);
    }

    @Override
    public void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        List<RequestRow> due = TenantScope.call(DataScope.wholeProvider(),
                () -> tx.execute(s -> rows.answeredBefore(cutoff, BATCH)));
        for (RequestRow r : due) {
            TenantScope.run(DataScope.tenant(r.tenantId()), () -> tx.executeWithoutResult(s -> {
                seal.destroy(r.tenantId(), r.id());
                rows.retire(r.tenantId(), r.id(), now);
                submissions.deleteOfRequest(r.tenantId(), r.id());
                log.record(LogEvent.of(r.tenantId(), null, "rights.request.retired")
                        .object("rights-request:" + r.id() + "/" + r.type().name().toLowerCase(java.util.Locale.ROOT))
                        .actorName(ACTOR));
            }));
        }
    }
}
