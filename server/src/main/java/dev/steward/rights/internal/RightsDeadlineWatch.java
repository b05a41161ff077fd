package dev.steward.rights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.deadlines.DeadlineStatus;
import dev.steward.deadlines.TenantCalendar;
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
 * Watches the clocks of open requests: a reminder to the tenant's privacy contacts and
 * administrators {@code lead} before the end, an alert once a request is overdue, to the tenant and
 * to the provider's security officers. Each is sent once: its mark is written in the transaction of
 * its notice, so a crash either sends and marks, or neither.
 */
@Component
class RightsDeadlineWatch implements Job {

    private static final int BATCH = 10_000;

    private final RequestRows rows;
    private final RequestDeadlines deadlines;
    private final Notices notices;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration interval;
    private final Duration lead;

    RightsDeadlineWatch(RequestRows rows, RequestDeadlines deadlines, Notices notices, TransactionTemplate tx,
            Clock clock, @Value("${steward.rights.watch-interval:PT15M}") Duration interval,
            @Value("${steward.rights.reminder-lead:P7D}") Duration lead) {
        this.rows = rows;
        this.deadlines = deadlines;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
        this.interval = interval;
        this.lead = lead;
    }

    @Override
    public String name() {
        return "rights.deadline-watch";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void run() {
        List<RequestRow> open = TenantScope.call(DataScope.wholeProvider(),
                () -> tx.execute(s -> rows.openEverywhere(BATCH)));
        Map<UUID, TenantCalendar> calendars = new HashMap<>();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        for (RequestRow r : open) {
            TenantCalendar calendar = calendars.computeIfAbsent(r.tenantId(), deadlines::calendarOf);
            DeadlineStatus status = deadlines.of(r, calendar).statusAt(now);
            if (status.alertDue()) {
                if (r.overdueAlertedAt() == null) {
                    alertTenant(r, status, now);
                }
                alertProvider(r, status, now);
            } else if (status.reminderDue(lead) && r.remindedAt() == null) {
                remind(r, status, now);
            }
        }
    }

    private void remind(RequestRow r, DeadlineStatus status, Instant now) {
        inTenant(r.tenantId(), () -> {
            if (rows.markReminded(r.tenantId(), r.id(), now)) {
                notices.notify(new NoticeRequest(r.tenantId(), Topic.PRIVACY,
                        Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.PRIVACY),
                        "Data-subject request due soon: " + r.type().label(),
                        "The " + r.type().label().toLowerCase(java.util.Locale.ROOT) + " request " + r.id()
                                + " is due by the end of " + status.lastDay() + " (" + status.dueAt() + "), in "
                                + hours(status.remaining()) + ". Open it in the console: /console/rights/" + r.id()));
            }
        });
    }

    private void alertTenant(RequestRow r, DeadlineStatus status, Instant now) {
        inTenant(r.tenantId(), () -> {
            if (rows.markOverdueAlerted(r.tenantId(), r.id(), now)) {
                notices.notify(new NoticeRequest(r.tenantId(), Topic.PRIVACY,
                        Audience.of(Set.of(Role.CUSTOMER_ADMIN), ContactKind.PRIVACY, ContactKind.SECURITY),
                        "Data-subject request OVERDUE: " + r.type().label(),
                        "The " + r.type().label().toLowerCase(java.util.Locale.ROOT) + " request " + r.id()
                                + " was due at " + status.dueAt() + " and is not answered. The legal deadline is"
                                + " missed: answer it now. /console/rights/" + r.id()));
            }
        });
    }

    private void alertProvider(RequestRow r, DeadlineStatus status, Instant now) {
        UUID provider = DataScope.PROVIDER_TENANT;
        inTenant(provider, () -> {
            if (rows.markProviderAlerted(provider, r.tenantId(), r.id(), now)) {
                notices.tell(provider, Set.of(Role.SECURITY_OFFICER, Role.COMPLIANCE), Topic.SECURITY,
                        "A data-subject request is overdue in tenant " + r.tenantId(),
                        "Request " + r.id() + " (" + r.type().label().toLowerCase(java.util.Locale.ROOT)
                                + ") of tenant " + r.tenantId() + " was due at " + status.dueAt()
                                + " and is not answered.");
            }
        });
    }

    private void inTenant(UUID tenant, Runnable work) {
        TenantScope.run(DataScope.tenant(tenant), () -> tx.executeWithoutResult(s -> work.run()));
    }

    private static String hours(Duration d) {
        return d.toDays() >= 2 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
