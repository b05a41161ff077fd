package dev.steward.identity;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.LogEvent;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;
import dev.steward.platform.TenantScope;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * Decides whether a caller may act inside a tenant: its own always (role permitting); a customer
 * tenant only as managed-service staff while the customer's contract says fully managed (then
 * with at most the customer administrator's permissions). No other provider role enters a
 * customer tenant: onboarding goes through {@link Invitations}, never through the customer's
 * accounts. Anything else answers 404, revealing nothing. Every entry of provider staff into a
 * customer tenant, allowed or refused, is logged in that tenant's log and listed for the customer.
 */
@Component
public class TenantAccess {

    private final TenantRegister register;
    private final ProviderAccessLog accessLog;
    private final TransactionTemplate tx;

    TenantAccess(TenantRegister register, ProviderAccessLog accessLog, TransactionTemplate tx) {
        this.register = register;
        this.accessLog = accessLog;
        this.tx = tx;
    }

    public Tenant enter(Caller caller, UUID tenantId, Permission permission) {
        if (caller.tenantId().equals(tenantId)) {
            caller.require(permission);
            return register.find(tenantId).orElseThrow(() -> new NotFound("tenant " + tenantId));
        }
        if (!caller.isProvider()) {
            throw new NotFound("tenant " + tenantId);
        }
        Tenant tenant = register.find(tenantId).orElseThrow(() -> new NotFound("tenant " + tenantId));
        boolean allowed = caller.role().allows(AccountPermissions.ACT_IN_MANAGED_TENANT) && tenant.fullyManaged()
                && tenant.isActive() && Role.CUSTOMER_ADMIN.allows(permission);
        logEntry(caller, tenant, permission, allowed);
        if (!allowed) {
            throw new NotFound("tenant " + tenantId);
        }
        return tenant;
    }

    private void logEntry(Caller caller, Tenant tenant, Permission permission, boolean allowed) {
        if (!allowed) {
            accessLog.recordRefusal(tenant.id(), caller, "provider.entered", "permission:" + permission);
            return;
        }
        TenantScope.run(DataScope.tenant(tenant.id()), () -> tx.executeWithoutResult(s -> accessLog.record(
                LogEvent.success(tenant.id(), caller, "provider.entered", "permission:" + permission))));
    }
}
