package dev.steward.notices;

/** What a notice is about; the receiver's webhook payload names it as {@code type}. */
public enum Topic {
    /** Provider staff acted inside the tenant: an account created or changed, an invitation issued. */
    PROVIDER_ACCESS,
    /** Security events and incidents affecting the tenant. */
    SECURITY,
    /** Personal-data breaches, subject requests, disclosures. */
    PRIVACY,
    /** Service incidents, maintenance, changes of the service. */
    OPERATIONS,
    /** Contract, sub-processor and legal notices. */
    LEGAL,
    /** A webhook endpoint is asked to prove it receives (sent to that endpoint only). */
    WEBHOOK_VERIFICATION
}
