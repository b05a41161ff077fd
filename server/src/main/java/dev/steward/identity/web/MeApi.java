package dev.steward.identity.web;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.Permission;
import dev.steward.platform.Role;

/** Who the caller is, and an unauthenticated liveness probe of the API itself. */
@RestController
@RequestMapping("/api/v1")
class MeApi {

    record Me(UUID tenantId, UUID id, String name, Role role, Caller.Kind kind, Set<Permission> permissions) {
    }

    @GetMapping("/me")
    Me me() {
        Caller c = Callers.current();
        return new Me(c.tenantId(), c.principalId(), c.name(), c.role(), c.kind(), c.role().permissions());
    }

    @GetMapping("/ping")
    @SecurityRequirements
    Map<String, String> ping() {
        return Map.of("status", "ok");
    }
}
