package dev.steward.notices;

/** What a notice is about; receivers will subscribe to topics once more channels exist. */
public enum Topic {
    /** Provider staff acted inside the tenant: an account created or changed, an invitation issued. */
    PROVIDER_ACCESS
}
