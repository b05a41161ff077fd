package dev.steward.keys;

/** No keys exist for this tenant: {@link KeyHierarchy#createTenantKeys} was never called for it. */
public final class TenantUnknown extends KeysException {

    public TenantUnknown(TenantId tenant) {
        super("no keys exist for tenant " + tenant);
    }
}
