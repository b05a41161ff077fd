package dev.steward.records;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;
import dev.steward.tenancy.TenantState;

/**
 * The first guard of every access to records (STOR-3): processing stops when the contract does.
 * Every path of {@link RecordStore}, {@link RecordTransfer} and {@link SubjectErasure} enters the
 * tenant through {@link #admit}, before its own transaction, so no path can forget it.
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
 *   <li>A refusal changes nothing and is written to the tenant's system log, naming this guard
 *       (a deleted tenant's refusals go to the provider's log: the tenant's keys are gone).</li>
 * </ul>
 */
@Component
public class TenantStateGuard {

    /** How the refusal names its guard in the system log (the guard chain of issue 9 keeps the name). */
    public static final String NAME = "tenant-state";

    private final TenantRegister tenants;
    private final SystemLog systemLog;
    private final TransactionTemplate ownTx;

    TenantStateGuard(TenantRegister tenants, SystemLog systemLog, TransactionTemplate tx) {
        this.tenants = tenants;
        this.systemLog = systemLog;
        // The refusal is logged in a transaction of its own: the access it refuses may be rolled back.
        this.ownTx = new TransactionTemplate(tx.getTransactionManager());
        this.ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The caller's tenant, if its state allows {@code action}; else {@link TenantNotActive}. */
    public Tenant admit(Caller caller, Action action) {
        Tenant tenant = tenants.find(caller.tenantId()).orElseThrow(() -> new NotFound("tenant"));
        if (!allows(tenant.state(), caller, action)) {
            refuse(caller, tenant, action);
        }
        return tenant;
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

    private void refuse(Caller caller, Tenant tenant, Action action) {
        String act = action.name().toLowerCase(Locale.ROOT);
        // A deleted tenant's keys are destroyed, so its log can no longer seal the actor's personal
        // fields: the provider's log records the refusal instead, naming the tenant.
        boolean deleted = tenant.state() == TenantState.DELETED;
        UUID logTenant = deleted ? DataScope.PROVIDER_TENANT : tenant.id();
        String object = "guard:" + NAME + " state=" + tenant.state() + (deleted ? " tenant=" + tenant.id() : "");
        TenantScope.call(DataScope.tenant(logTenant), () -> ownTx.execute(s -> {
            systemLog.record(new LogEvent(logTenant, caller, "record." + act, object, null, "refused", null,
                    caller.name()));
            return null;
        }));
        throw new TenantNotActive(tenant.state(), switch (tenant.state()) {
            case TERMINATING -> "the tenant's contract is terminating: processing has stopped; only the customer's"
                    + " final export and the erasure of subjects remain (refused: " + act + ")";
            case TERMINATED -> "the tenant's contract has ended: processing has stopped; only the erasure of"
                    + " subjects remains (refused: " + act + ")";
            default -> "the tenant was deleted: its data is destroyed (refused: " + act + ")";
        });
    }
}
