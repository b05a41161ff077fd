package dev.steward.identity;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.identity.internal.ProviderAccesses;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.Forbidden;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.platform.TenantScope;
import dev.steward.evidence.EvidencePermissions;

/**
 * What provider staff did inside a customer tenant (ROLE-1, SEC-4). {@link #record} writes an act
 * to the tenant's system log and, when the actor is provider staff and the tenant a customer, also
 * to the customer's list of provider accesses, in the caller's transaction. Provider staff reach
 * a customer tenant only through identity ({@link TenantAccess}, {@link Invitations}), so this
 * list is complete; the system log holds the same acts, verifiably.
 */
@Service
public class ProviderAccessLog {

    private final SystemLog log;
    private final ProviderAccesses accesses;
    private final Clock clock;
    private final TransactionTemplate tx;

    ProviderAccessLog(SystemLog log, ProviderAccesses accesses, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.log = log;
        this.accesses = accesses;
        this.clock = clock;
    }

    public void record(LogEvent event) {
        log.record(event);
        Caller c = event.caller();
        if (c != null && c.isProvider() && !DataScope.PROVIDER_TENANT.equals(event.tenantId())) {
            list(event.tenantId(), c, event.action(), event.object());
        }
    }

    /**
     * Records that provider staff were refused inside a customer tenant, each in a transaction of
     * its own (the refused act's rolls back). The entry goes to the provider's log, the actor's own
     * trail, so that a refused outsider changes nothing of the customer's log or keys; the customer
     * still sees the attempt on its list.
     */
    public void recordRefusal(UUID customerTenant, Caller caller, String action, String object) {
        if (!caller.isProvider() || DataScope.PROVIDER_TENANT.equals(customerTenant)) {
            return;
        }
        TenantScope.run(DataScope.tenant(DataScope.PROVIDER_TENANT), () -> tx.executeWithoutResult(s -> log.record(
                LogEvent.of(DataScope.PROVIDER_TENANT, caller, action)
                        .object("tenant:" + customerTenant + " " + object).refused())));
        TenantScope.run(DataScope.tenant(customerTenant), () -> tx.executeWithoutResult(
                s -> list(customerTenant, caller, action + ".refused", object)));
    }

    private void list(UUID tenantId, Caller c, String action, String object) {
        accesses.insert(tenantId, new ProviderAccess(UUID.randomUUID(), clock.instant(), c.principalId(), c.role(),
                c.actor(), action, object == null ? "" : object));
    }

    /**
     * Runs an act of {@code caller} inside {@code tenantId}; when provider staff are refused it
     * inside a customer tenant, the refusal is recorded ({@link #recordRefusal}) before it answers,
     * so the customer sees attempts as well as acts.
     */
    public <T> T refusalsRecorded(Caller caller, UUID tenantId, String action, Supplier<T> act) {
        try {
            return act.get();
        } catch (Forbidden e) {
            recordRefusal(tenantId, caller, action, "reason:" + e.getMessage());
            throw e;
        }
    }

    /** The provider accesses of the caller's own customer tenant, newest first. */
    public Page<ProviderAccess> list(Caller caller, PageRequest page) {
        caller.require(EvidencePermissions.EVIDENCE_READ);
        if (caller.isProvider()) {
            throw new Forbidden("provider accesses are listed for the customer tenant they happened in");
        }
        UUID tenant = caller.tenantId();
        return TenantScope.call(DataScope.tenant(tenant), () -> new Page<>(accesses.page(tenant, page.offset(), page.size()),
                page.page(), page.size(), accesses.count(tenant)));
    }
}
