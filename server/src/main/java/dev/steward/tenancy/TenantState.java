package dev.steward.tenancy;

import java.util.EnumSet;
import java.util.Set;

/** Life cycle of a customer's contract: processing stops when it is no longer ACTIVE (STOR-3). */
public enum TenantState {
    ACTIVE, TERMINATING, TERMINATED, DELETED;

    public Set<TenantState> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(TERMINATING, TERMINATED);
            case TERMINATING -> EnumSet.of(ACTIVE, TERMINATED);
            case TERMINATED -> EnumSet.of(DELETED);
            case DELETED -> EnumSet.noneOf(TenantState.class);
        };
    }

    public boolean mayChangeTo(TenantState target) {
        return target == this || next().contains(target);
    }
}
