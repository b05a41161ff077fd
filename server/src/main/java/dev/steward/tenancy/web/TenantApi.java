package dev.steward.tenancy.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.platform.Callers;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;
import dev.steward.tenancy.TenantChange;
import dev.steward.tenancy.TenantPatch;
import dev.steward.tenancy.TenantRegister;

/** Tenants and contracts: the provider's register, and each caller's view of its own tenant. */
@RestController
@RequestMapping("/api/v1")
class TenantApi {

    private final TenantRegister register;

    TenantApi(TenantRegister register) {
        this.register = register;
    }

    @GetMapping("/tenant")
    TenantView own() {
        return TenantView.of(register.own(Callers.current()));
    }

    @GetMapping("/tenants")
    Page<TenantView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return register.list(Callers.current(), PageRequest.of(page, size)).map(TenantView::of);
    }

    @PostMapping("/tenants")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<TenantView> create(@RequestBody CreateTenantRequest request) {
        TenantView created = TenantView.of(register.create(Callers.current(), request.toNewTenant()));
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + created.id())).body(created);
    }

    @GetMapping("/tenants/{tenantId}")
    TenantView get(@PathVariable UUID tenantId) {
        return TenantView.of(register.get(Callers.current(), tenantId));
    }

    @PatchMapping("/tenants/{tenantId}")
    TenantView change(@PathVariable UUID tenantId, @RequestBody TenantPatch patch) {
        return TenantView.of(register.change(Callers.current(), tenantId, patch));
    }

    @GetMapping("/tenants/{tenantId}/changes")
    List<TenantChange> changes(@PathVariable UUID tenantId) {
        return register.changes(Callers.current(), tenantId);
    }
}
