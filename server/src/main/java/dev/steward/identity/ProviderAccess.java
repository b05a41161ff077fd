package dev.steward.identity;

import java.time.Instant;
import java.util.UUID;

import dev.steward.platform.Role;

/**
 * One act of provider staff inside a customer tenant, as the customer sees it.
 *
 * @param actor who acted, as the system log names actors ({@code account:name@provider-tenant})
 * @param action the system-log action of the act ({@code invitation.issued}, {@code account.changed}, ...)
 */
public record ProviderAccess(UUID id, Instant at, UUID actorId, Role actorRole, String actor, String action,
        String object) {
}
