package dev.steward.platform;

import java.sql.SQLException;

/**
 * Code asked for a statement under another tenant scope than the one its open transaction began with.
 * The database still applies the transaction's first scope, so the statement would not do what the code
 * believes; and a scope changed inside a savepoint leaks across nodes on Citus. Refused instead.
 */
public final class ScopeChangedInTransaction extends SQLException {

    ScopeChangedInTransaction(DataScope began, DataScope now) {
        super("the tenant scope must not change inside a transaction (began with " + describe(began) + ", now "
                + describe(now) + "): run the other scope's work in a transaction of its own");
    }

    private static String describe(DataScope scope) {
        if (scope == null) {
            return "no scope";
        }
        return scope.providerWide() ? "the whole provider" : "tenant " + scope.tenantId();
    }
}
