package dev.steward.evidence;

import java.util.Optional;
import java.util.UUID;

/**
 * Who created an API token: a token acts for the account that issued it, so neither may erase the
 * other's trail. Implemented by the feature that owns tokens ({@code identity}), which depends on
 * this one; called inside the tenant's data scope.
 */
public interface TokenCreators {

    Optional<UUID> creatorOf(UUID tenantId, UUID tokenId);
}
