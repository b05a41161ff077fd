package dev.steward.tenancy;

import java.util.UUID;

/**
 * A tenant was {@link TenantState#DELETED}: its personal data must be destroyed (crypto-shredding
 * of its keys, then purge of its rows). Published in the transaction that changed the state;
 * delivered through the event publication registry, so a crash between the commit and the
 * destruction loses nothing and a failed listener is retried.
 */
public record TenantDeleted(UUID tenantId, TenantState state) {
}
