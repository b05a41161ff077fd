package dev.steward.tenancy;

import java.util.UUID;

/**
 * A tenant's contract stopped being active: it is now {@link TenantState#TERMINATING} or
 * {@link TenantState#TERMINATED}, and processing of its personal data has stopped (STOR-3).
 * Published in the transaction that changed the state; delivered through the event publication
 * registry, so it reaches its listeners even if the server stops right after the commit.
 */
public record TenantDeactivated(UUID tenantId, TenantState state) {
}
