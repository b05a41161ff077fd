package dev.steward.platform;

import java.util.List;

/** A feature's permissions, as a bean: what {@link PermissionCatalog} lists (docs, {@code GET /me}, the dashboard). */
public interface FeaturePermissions {

    List<Permission> permissions();
}
