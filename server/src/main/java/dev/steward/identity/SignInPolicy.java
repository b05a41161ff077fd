package dev.steward.identity;

import java.util.UUID;

/**
 * How accounts of a tenant sign in. {@code mfaRequired} is always true for the provider tenant;
 * a customer tenant may require it of all its accounts.
 */
public record SignInPolicy(UUID tenantId, boolean mfaRequired) {
}
