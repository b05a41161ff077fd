package dev.steward.platform;

/** What a role may do. The full matrix is written out in docs/roles.md and walked by RolePermissionMatrixIntegrationTest. */
public enum Permission {
    /** Read the provider's register of tenants and their contracts. */
    TENANTS_READ,
    /** Create tenants and change their contracts and states. */
    TENANTS_WRITE,
    /** List and read the accounts of one's own tenant (or, for provider operators, of a tenant they administer). */
    ACCOUNTS_READ,
    /** Create accounts, change roles, disable and unlock accounts. */
    ACCOUNTS_WRITE,
    /** Issue and revoke API tokens of one's own tenant. */
    TOKENS_MANAGE,
    /** Act inside a customer tenant whose contract says the service is fully managed by the provider. */
    ACT_IN_MANAGED_TENANT,
    /** Read system logs and evidence (later issues). */
    EVIDENCE_READ,
    /** Erase an actor's personal fields (name, source address) in the own tenant's system log; never one's own. */
    ACTOR_TRAIL_ERASE,
    /** Read (decrypt, for a named purpose) the personal-data records of one's own tenant. */
    RECORDS_READ,
    /** Create, correct, delete and import personal-data records of one's own tenant. */
    RECORDS_WRITE,
    /** Erase a data subject: destroy its key and purge all its records (crypto-shredding). */
    RECORDS_ERASE,
    /** Change the tenant's record settings (allowed categories). */
    RECORDS_CONFIGURE,
    /** See the installation's background jobs: last run, outcome, next run, alerts. */
    JOBS_READ,
    /** Manage the own tenant's notice contacts and webhook endpoints, and see its notices' deliveries. */
    NOTICES_MANAGE,
    /** See notice deliveries parked on any tenant (their state only, never their content) and replay them. */
    NOTICES_REPLAY
}
