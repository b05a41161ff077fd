package dev.steward.tenancy;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.steward.platform.FeaturePermissions;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/** The tenant register's permissions. Declared here, with the roles they are granted to, rather than in {@code platform.Role}. */
@Component
public final class TenantPermissions implements FeaturePermissions {

    public static final Permission TENANTS_READ = Permission.of("TENANTS_READ", "Read the provider's register of tenants and their contracts.",
            Role.OPERATOR, Role.SECURITY_OFFICER, Role.COMPLIANCE);

    public static final Permission TENANTS_WRITE = Permission.of("TENANTS_WRITE", "Create tenants and change their contracts and states.",
            Role.OPERATOR);

    @Override
    public List<Permission> permissions() {
        return List.of(TENANTS_READ, TENANTS_WRITE);
    }
}
