package dev.steward.records;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;
import dev.steward.tenancy.TenantState;

/**
 * The tenant's contract is no longer active (TERMINATING, TERMINATED or DELETED): processing of its
 * personal data has stopped (STOR-3). Nothing was read or changed.
 */
public final class TenantNotActive extends ProblemException {

    private final TenantState state;

    public TenantNotActive(TenantState state, String detail) {
        super("tenant-not-active", HttpStatus.FORBIDDEN, "Tenant not active", detail,
                Map.of("tenantState", state.name()));
        this.state = state;
    }

    public TenantState state() {
        return state;
    }
}
