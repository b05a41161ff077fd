package dev.steward.keys;

/** The tenant's keys were destroyed (contract end): none of its data can be read or written. */
public final class TenantErased extends KeysException {

    public TenantErased(TenantId tenant) {
        super("tenant " + tenant + " was erased; its key-encryption keys are destroyed");
    }
}
