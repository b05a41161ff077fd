package dev.steward.complaints.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.complaints.ComplaintReceived;
import dev.steward.notices.Notices;
import dev.steward.notices.Topic;
import dev.steward.platform.DataScope;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;

/**
 * Tells the provider's compliance staff of each complaint received, in their own (the provider's)
 * inbox. The complaint lives in the tenant it concerns and the inbox in the provider tenant, so the
 * two cannot be written in one transaction: the event publication registry carries the fact across,
 * and retries until this listener completes. Once per complaint, whatever the retries: the mark
 * ({@code complaint_alerts}, kind RECEIVED) is written with the notice.
 */
@Component
class ComplianceTeamTold {

    static final String RECEIVED = "RECEIVED";

    private final ComplaintRows rows;
    private final Notices notices;
    private final TransactionTemplate tx;
    private final Clock clock;

    ComplianceTeamTold(ComplaintRows rows, Notices notices, TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
    }

    // NOT_SUPPORTED: the transaction is opened below, inside the provider tenant's scope, so that its
    // connection carries that scope for row-level security
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ComplaintReceived event) {
        var provider = DataScope.PROVIDER_TENANT;
        TenantScope.run(DataScope.tenant(provider), () -> tx.executeWithoutResult(s -> {
            if (rows.markAlerted(provider, event.tenantId(), event.complaintId(), RECEIVED,
                    clock.instant().truncatedTo(ChronoUnit.MICROS))) {
                notices.tell(provider, Set.of(Role.COMPLIANCE), Topic.PRIVACY,
                        "A complaint was received in tenant " + event.tenantId(),
                        "Complaint " + event.complaintId() + " of tenant " + event.tenantId()
                                + " is assigned to the compliance team: take it up within the month."
                                + " /console/complaints/" + event.complaintId());
            }
        }));
    }
}
