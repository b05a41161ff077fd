package dev.steward.notices;

/** The contact points a tenant names (ROLE-9): who is reached by email about what. */
public enum ContactKind {
    SECURITY, PRIVACY, OPERATIONS, LEGAL
}
