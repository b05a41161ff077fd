package dev.steward.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do. Each feature declares its own permissions, and which roles they are granted
 * to, beside its code (e.g. {@code records.RecordPermissions}) and lists them as a
 * {@link FeaturePermissions} bean, so a new feature never edits {@link Role} or this class. The
 * whole matrix is written out in docs/roles.md and walked by RolePermissionMatrixIntegrationTest.
 *
 * @param name the permission's stable name, as API clients see it ({@code GET /me})
 * @param grantedTo the roles that have it
 */
public record Permission(String name, String description, Set<Role> grantedTo) {

    public Permission {
        if (name == null || !name.matches("[A-Z][A-Z_]*")) {
            throw new IllegalArgumentException("a permission's name is UPPER_SNAKE_CASE: " + name);
        }
        grantedTo = Set.copyOf(grantedTo);
    }

    public static Permission of(String name, String description, Role... grantedTo) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(java.util.List.of(grantedTo));
        return new Permission(name, description, roles);
    }

    public boolean isGrantedTo(Role role) {
        return grantedTo.contains(role);
    }

    @Override
    public String toString() {
        return name;
    }
}
