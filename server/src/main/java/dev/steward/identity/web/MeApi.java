package dev.steward.identity.web;

import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.PermissionCatalog;
import dev.steward.platform.Role;

/** Who the caller is, and an unauthenticated liveness probe of the API itself. */
@RestController
@RequestMapping("/api/v1")
class MeApi {

    /** @param permissions the names of the caller's permissions, sorted */
    record Me(UUID tenantId, UUID id, String name, Role role, Caller.Kind kind, SortedSet<String> permissions) {
    }

    private final PermissionCatalog permissions;

    MeApi(PermissionCatalog permissions) {
        this.permissions = permissions;
    }

    @GetMapping("/me")
    Me me() {
        Caller c = Callers.current();
        return new Me(c.tenantId(), c.principalId(), c.name(), c.role(), c.kind(), permissions.namesOf(c.role()));
    }

    @GetMapping("/ping")
    @SecurityRequirements
    Map<String, String> ping() {
        return Map.of("status", "ok");
    }
}
