package dev.steward.platform;

import java.util.UUID;

/**
 * Who is making the current request: an account (console or API) or an API token, always of
 * exactly one tenant and one role.
 *
 * @param principalId the account id, or the token id for a token
 * @param name the username or token name, for the record of who did what
 */
public record Caller(UUID tenantId, UUID principalId, String name, Role role, Kind kind) implements java.io.Serializable {

    public enum Kind { ACCOUNT, TOKEN }

    public boolean isProvider() {
        return DataScope.PROVIDER_TENANT.equals(tenantId);
    }

    public void require(Permission permission) {
        if (!role.allows(permission)) {
            throw new Forbidden("role " + role + " does not allow " + permission);
        }
    }

    /** "account:alice@tenant" or "token:ci@tenant": how acts are attributed. */
    public String actor() {
        return (kind == Kind.ACCOUNT ? "account:" : "token:") + name + "@" + tenantId;
    }
}
