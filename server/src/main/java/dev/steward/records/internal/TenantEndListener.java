package dev.steward.records.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.DataScope;
import dev.steward.platform.TenantScope;
import dev.steward.records.SubjectErasure;
import dev.steward.tenancy.TenantDeactivated;
import dev.steward.tenancy.TenantDeleted;

/**
 * How a contract's end reaches the records (tenancy cannot call records: that would be a cycle).
 * The events come through the event publication registry, after the tenant change committed, on
 * a thread of their own; a listener that fails is retried (see {@code docs/design/events.md}).
 *
 * <p>Both listeners are idempotent, because a retry or a republication at start may deliver an
 * event again. They open their transactions themselves ({@code NOT_SUPPORTED}: none from the
 * annotation) so that each transaction's connection carries the tenant's scope, which PostgreSQL's
 * row-level security needs to see the tenant's key rows.
 */
@Component
class TenantEndListener {

    private final TenantShredding shredding;
    private final SubjectErasure erasure;
    private final SystemLog systemLog;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    TenantEndListener(TenantShredding shredding, SubjectErasure erasure, SystemLog systemLog,
            org.springframework.transaction.support.TransactionTemplate tx) {
        this.shredding = shredding;
        this.erasure = erasure;
        this.systemLog = systemLog;
        this.tx = tx;
    }

    /** Evidence that the records stopped processing: the guard already refuses, this dates it in the log. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TenantDeactivated event) {
        TenantScope.call(DataScope.tenant(event.tenantId()), () -> tx.execute(s -> {
            systemLog.record(LogEvent.success(event.tenantId(), null, "records.processing-stopped",
                    "tenant:" + event.tenantId() + " state=" + event.state()));
            return null;
        }));
    }

    /** Destroys the tenant's keys at once, then purges its unreadable rows (on this background thread). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TenantDeleted event) {
        shredding.shred(event.tenantId());
        erasure.purgeErased();
    }
}
