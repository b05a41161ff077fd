package dev.steward.identity;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/** Accounts' and API tokens' permissions, and acting inside a managed tenant. Declared here, with the roles they are granted to, rather than in {@code platform.Role}. */
@Component
public final class AccountPermissions implements FeaturePermissions {

    public static final Permission ACCOUNTS_READ = Permission.of("ACCOUNTS_READ", "List and read the accounts of one's own tenant.",
            Role.OPERATOR, Role.CUSTOMER_ADMIN);

    public static final Permission ACCOUNTS_WRITE = Permission.of("ACCOUNTS_WRITE", "Create accounts, change roles, disable and unlock accounts.",
            Role.OPERATOR, Role.CUSTOMER_ADMIN);

    public static final Permission TOKENS_MANAGE = Permission.of("TOKENS_MANAGE", "Issue and revoke API tokens of one's own tenant.",
            Role.OPERATOR, Role.CUSTOMER_ADMIN);

    public static final Permission ACT_IN_MANAGED_TENANT = Permission.of("ACT_IN_MANAGED_TENANT", "Act inside a customer tenant whose contract says the service is fully managed by the provider.",
            Role.MANAGED_SERVICE);

    @Override
    public List<Permission> permissions() {
        return List.of(ACCOUNTS_READ, ACCOUNTS_WRITE, TOKENS_MANAGE, ACT_IN_MANAGED_TENANT);
    }
}
