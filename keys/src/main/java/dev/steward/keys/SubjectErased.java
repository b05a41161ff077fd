package dev.steward.keys;

/** The subject's data key was destroyed (crypto-shredded): its data can no longer be read or written. */
public final class SubjectErased extends KeysException {

    public SubjectErased(TenantId tenant, SubjectRef subject) {
        super("subject " + subject + " of tenant " + tenant + " was erased; its data key is destroyed");
    }
}
