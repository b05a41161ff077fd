package dev.steward.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of the policy (ROLE-1). A role lives either in the provider tenant or in a customer
 * tenant ({@link #inProviderTenant()}); provider staff roles must pass a second factor.
 */
public enum Role {
    OPERATOR(Where.PROVIDER, true, EnumSet.of(Permission.TENANTS_READ, Permission.TENANTS_WRITE,
            Permission.ACCOUNTS_READ, Permission.ACCOUNTS_WRITE, Permission.TOKENS_MANAGE, Permission.JOBS_READ, Permission.NOTICES_REPLAY)),
    SECURITY_OFFICER(Where.PROVIDER, true, EnumSet.of(Permission.TENANTS_READ, Permission.EVIDENCE_READ,
            Permission.ACTOR_TRAIL_ERASE, Permission.JOBS_READ, Permission.NOTICES_REPLAY)),
    COMPLIANCE(Where.PROVIDER, true, EnumSet.of(Permission.TENANTS_READ, Permission.EVIDENCE_READ)),
    /** Inside a fully managed customer tenant, acts with that tenant's administrator's permissions. */
    MANAGED_SERVICE(Where.PROVIDER, true, EnumSet.of(Permission.ACT_IN_MANAGED_TENANT)),
    CUSTOMER_ADMIN(Where.CUSTOMER, false, EnumSet.of(Permission.ACCOUNTS_READ, Permission.ACCOUNTS_WRITE,
            Permission.TOKENS_MANAGE, Permission.EVIDENCE_READ, Permission.RECORDS_READ, Permission.RECORDS_WRITE,
            Permission.RECORDS_ERASE, Permission.RECORDS_CONFIGURE, Permission.ACTOR_TRAIL_ERASE,
            Permission.NOTICES_MANAGE)),
    CUSTOMER_USER(Where.CUSTOMER, false, EnumSet.of(Permission.RECORDS_READ, Permission.RECORDS_WRITE)),
    AUDITOR(Where.EITHER, false, EnumSet.of(Permission.EVIDENCE_READ)),
    SUPPLIER(Where.PROVIDER, false, EnumSet.noneOf(Permission.class)),
    SUBJECT(Where.CUSTOMER, false, EnumSet.noneOf(Permission.class));

    private enum Where { PROVIDER, CUSTOMER, EITHER }

    private final Where where;
    private final boolean mfaRequired;
    private final Set<Permission> permissions;

    Role(Where where, boolean mfaRequired, Set<Permission> permissions) {
        this.where = where;
        this.mfaRequired = mfaRequired;
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Provider staff roles: a TOTP second factor is mandatory. */
    public boolean mfaRequired() {
        return mfaRequired;
    }

    public boolean inProviderTenant() {
        return where != Where.CUSTOMER;
    }

    public boolean inCustomerTenant() {
        return where != Where.PROVIDER;
    }

    /** Whether an account of this role may exist in the given tenant. */
    public boolean belongsIn(boolean providerTenant) {
        return providerTenant ? inProviderTenant() : inCustomerTenant();
    }
}
