package dev.steward.complaints.internal;

import java.time.Clock;
import java.time.Duration;
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
 * Retires complaint files at the end of their retention (STOR-2, RIGHT-6): a complaint closed or
 * withdrawn longer ago than {@code steward.complaints.file-retention} has its key destroyed and its
 * sealed columns (who complained, what they wrote, the response, the notes) and its address pseudonym
 * emptied, in one transaction with its system-log entry. The skeleton stays: channel, dates, states,
 * steps with their actors, outcome and links, the proof that the complaint was handled in time. A
 * complaint responded to but never closed is kept until it is closed: closing is the handler's act.
 */
@Component
class ComplaintFileRetention implements Job {

    private static final int BATCH = 1_000;
    static final String ACTOR = "retention (complaints.retire-finished-complaints)";

    private final ComplaintRows rows;
    private final ComplaintSeal seal;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Period retention;

    ComplaintFileRetention(ComplaintRows rows, ComplaintSeal seal, SystemLog log, TransactionTemplate tx, Clock clock,
            @Value("${steward.complaints.file-retention:P3Y}") Period retention) {
        this.rows = rows;
        this.seal = seal;
        this.log = log;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public String name() {
        return "complaints.retire-finished-complaints";
    }

    @Override
    public Duration interval() {
        return Duration.ofHours(6);
    }

    @Override
    public void run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        List<ComplaintRow> due = TenantScope.call(DataScope.wholeProvider(),
                () -> tx.execute(s -> rows.finishedBefore(cutoff, BATCH)));
        for (ComplaintRow r : due) {
            TenantScope.run(DataScope.tenant(r.tenantId()), () -> tx.executeWithoutResult(s -> {
                seal.destroy(r.tenantId(), r.id());
                rows.retire(r.tenantId(), r.id(), now);
                log.record(LogEvent.of(r.tenantId(), null, "complaints.complaint.retired")
                        .object("complaint:" + r.id()).actorName(ACTOR));
            }));
        }
    }
}
