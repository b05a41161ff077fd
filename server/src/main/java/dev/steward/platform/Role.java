package dev.steward.platform;

/**
 * The roles of the policy (ROLE-1). A role lives either in the provider tenant or in a customer
 * tenant ({@link #inProviderTenant()}); provider staff roles must pass a second factor. What a
 * role may do is declared by each feature with its {@link Permission}s.
 */
public enum Role {
    OPERATOR(Where.PROVIDER, true),
    SECURITY_OFFICER(Where.PROVIDER, true),
    COMPLIANCE(Where.PROVIDER, true),
    /** Inside a fully managed customer tenant, acts with that tenant's administrator's permissions. */
    MANAGED_SERVICE(Where.PROVIDER, true),
    CUSTOMER_ADMIN(Where.CUSTOMER, false),
    CUSTOMER_USER(Where.CUSTOMER, false),
    AUDITOR(Where.EITHER, false),
    SUPPLIER(Where.PROVIDER, false),
    SUBJECT(Where.CUSTOMER, false);

    private enum Where { PROVIDER, CUSTOMER, EITHER }

    private final Where where;
    private final boolean mfaRequired;

    Role(Where where, boolean mfaRequired) {
        this.where = where;
        this.mfaRequired = mfaRequired;
    }

    /** Whether the role has the permission: the permission, declared by its feature, names the roles it is granted to. */
    public boolean allows(Permission permission) {
        return permission.isGrantedTo(this);
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
