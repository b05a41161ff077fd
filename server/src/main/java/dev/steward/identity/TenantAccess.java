package dev.steward.identity;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.steward.platform.Caller;
import dev.steward.platform.NotFound;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;
import dev.steward.tenancy.Tenant;
import dev.steward.tenancy.TenantRegister;

/**
 * Decides whether a caller may act inside a tenant: its own always (role permitting), a customer
 * tenant as provider operator for onboarding, or as managed-service staff only while the
 * customer's contract says fully managed (then with the customer administrator's permissions).
 * Anything else answers 404, revealing nothing.
 */
@Component
public class TenantAccess {

    private final TenantRegister register;

    TenantAccess(TenantRegister register) {
        this.register = register;
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
        if (caller.role().allows(Permission.TENANTS_WRITE)) {
            caller.require(permission);
            return tenant;
        }
        if (caller.role().allows(Permission.ACT_IN_MANAGED_TENANT) && tenant.fullyManaged() && tenant.isActive()
                && Role.CUSTOMER_ADMIN.allows(permission)) {
            return tenant;
        }
        throw new NotFound("tenant " + tenantId);
    }
}
