package dev.steward.identity;

/** What a one-time link lets its holder do. */
public enum InvitationPurpose {
    /** Become the first administrator of a customer tenant that has none (issued by a provider operator). */
    ONBOARDING,
    /** Become a new account of the tenant (issued by its administrator or, under a managed contract, by the provider). */
    NEW_ACCOUNT,
    /** Enrol a new second factor after an administrator reset the account's; needs the account's password too. */
    MFA_RESET
}
