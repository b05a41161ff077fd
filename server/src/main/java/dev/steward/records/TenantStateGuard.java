package dev.steward.records;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantState;

/**
 * The first access guard (STOR-3): processing stops when the contract does.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>ACTIVE: every access passes (the later guards still decide).</li>
 *   <li>TERMINATING: every write and every purpose-bound read is refused, except the customer's own
 *       final export ({@link Action#EXPORT} by a role of the customer's tenant, not provider staff
 *       acting in it) and the erasure of a subject ({@link Action#ERASE}: it destroys data, it
 *       processes none, and a subject's right to it does not end with the contract).</li>
 *   <li>TERMINATED: only the erasure of a subject passes.</li>
 *   <li>DELETED: nothing passes; the tenant's keys are destroyed.</li>
 *   <li>A refusal ({@link TenantNotActive}) changes nothing and is logged by the chain, naming this
 *       guard (a deleted tenant's refusals go to the provider's log: the tenant's keys are gone).</li>
 * </ul>
 */
@Component
@Order(AccessGuard.TENANT_STATE)
public class TenantStateGuard implements AccessGuard {

    /** How the refusal names its guard in the system log. */
    public static final String NAME = "tenant-state";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void check(Access access) {
        Tenant tenant = access.tenant();
        if (!allows(tenant.state(), access.caller(), access.action())) {
            throw new TenantNotActive(tenant.state(), access.action());
        }
    }

    static boolean allows(TenantState state, Caller caller, Action action) {
        return switch (state) {
            case ACTIVE -> true;
            case TERMINATING -> action == Action.ERASE
                    || action == Action.EXPORT && caller.role().inCustomerTenant() && !caller.role().inProviderTenant();
            case TERMINATED -> action == Action.ERASE;
            case DELETED -> false;
        };
    }
}
