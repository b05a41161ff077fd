package dev.steward.records;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.tenancy.TenantState;

/**
 * The tenant's contract is no longer active (TERMINATING, TERMINATED or DELETED): processing of its
 * personal data has stopped (STOR-3). Nothing was read or changed.
 */
public final class TenantNotActive extends AccessRefused {

    private final TenantState state;

    public TenantNotActive(TenantState state, Action refused) {
        super("tenant-not-active", HttpStatus.FORBIDDEN, "Tenant not active", detail(state, refused),
                Map.of("tenantState", state.name()));
        this.state = state;
    }

    public TenantState state() {
        return state;
    }

    @Override
    public String note() {
        return "state=" + state;
    }

    private static String detail(TenantState state, Action refused) {
        String act = refused.name().toLowerCase(Locale.ROOT);
        return switch (state) {
            case TERMINATING -> "the tenant's contract is terminating: processing has stopped; only the customer's"
                    + " final export and the erasure of subjects remain (refused: " + act + ")";
            case TERMINATED -> "the tenant's contract has ended: processing has stopped; only the erasure of"
                    + " subjects remains (refused: " + act + ")";
            default -> "the tenant was deleted: its data is destroyed (refused: " + act + ")";
        };
    }
}
