package dev.steward.complaints.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.notices.Audience;
import dev.steward.notices.ContactKind;
import dev.steward.notices.NoticeRequest;
import dev.steward.notices.Notices;
import dev.steward.notices.Topic;
import dev.steward.platform.DataScope;
import dev.steward.platform.Job;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;

/**
 * Watches the deadlines of open complaints: reminds the provider's compliance staff {@code lead}
 * before the end, and once a complaint is overdue alerts them with the provider's security officers,
 * and the administrators of the tenant it concerns. Each once: its mark ({@code complaint_alerts}, in
 * the tenant whose staff are told) is written in the transaction of its notice, so a crash either
 * sends and marks, or neither, and a second node or a second run finds the mark.
 */
@Component
class ComplaintDeadlineWatch implements Job {

    static final String REMINDER = "REMINDER";
    static final String OVERDUE = "OVERDUE";
    private static final int BATCH = 10_000;

    private final ComplaintRows rows;
    private final Notices notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration interval;
    private final Duration lead;

    ComplaintDeadlineWatch(ComplaintRows rows, Notices notices, TransactionTemplate tx, Clock clock,
            @Value("${steward.complaints.watch-interval:PT15M}") Duration interval,
            @Value("${steward.complaints.reminder-lead:P7D}") Duration lead) {
        this.rows = rows;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
        this.interval = interval;
        this.lead = lead;
    }

    @Override
    public String name() {
        return "complaints.deadline-watch";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        List<ComplaintRow> open = TenantScope.call(DataScope.wholeProvider(),
                () -> tx.execute(s -> rows.listEverywhere(true, BATCH)));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (ComplaintRow r : open) {
            if (!now.isBefore(r.dueAt())) {
                tell(DataScope.PROVIDER_TENANT, r, OVERDUE, now, () -> notices.tell(DataScope.PROVIDER_TENANT,
                        Set.of(Role.COMPLIANCE, Role.SECURITY_OFFICER), Topic.SECURITY,
                        "A complaint is OVERDUE in tenant " + r.tenantId(),
                        "Complaint " + r.id() + " of tenant " + r.tenantId() + " was due at " + r.dueAt()
                                + " and is not answered: the deadline is missed. /console/complaints/" + r.id()));
                if (!r.tenantId().equals(DataScope.PROVIDER_TENANT)) {
                    tell(r.tenantId(), r, OVERDUE, now, () -> notices.notify(new NoticeRequest(r.tenantId(),
                            Topic.PRIVACY, Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.PRIVACY),
                            "Complaint OVERDUE", "The complaint " + r.id() + " was due at " + r.dueAt()
                                    + " and is not answered yet. The provider's compliance team is alerted."
                                    + " /console/complaints/" + r.id())));
                }
            } else if (!now.isBefore(r.dueAt().minus(lead))) {
                tell(DataScope.PROVIDER_TENANT, r, REMINDER, now, () -> notices.tell(DataScope.PROVIDER_TENANT,
                        Set.of(Role.COMPLIANCE), Topic.PRIVACY, "A complaint is due soon in tenant " + r.tenantId(),
                        "Complaint " + r.id() + " of tenant " + r.tenantId() + " is due by the end of " + r.lastDay()
                                + " (" + r.dueAt() + "), in " + left(Duration.between(now, r.dueAt()))
                                + ". /console/complaints/" + r.id()));
            }
        }
    }

    /** Tells {@code audienceTenant}'s staff of {@code kind} about the complaint unless they were told already. */
    private void tell(UUID audienceTenant, ComplaintRow r, String kind, Instant now, Runnable notice) {
        TenantScope.run(DataScope.tenant(audienceTenant), () -> tx.executeWithoutResult(s -> {
            if (rows.markAlerted(audienceTenant, r.tenantId(), r.id(), kind, now)) {
                notice.run();
            }
        }));
    }

    private static String left(Duration d) {
        return d.toDays() >= 2 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
