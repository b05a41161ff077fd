package dev.steward.identity.web;

import java.net.URI;
import java.time.Clock;
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

import dev.steward.identity.AccountDirectory;
import dev.steward.identity.AccountPatch;
import dev.steward.identity.NewAccount;
import dev.steward.platform.Callers;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;

/**
 * Accounts of the caller's own tenant ({@code /accounts}) and, for managed-service staff under a
 * fully managed contract, of that customer tenant ({@code /tenants/{tenantId}/accounts}). Provider
 * staff never create an account with a password inside a customer tenant (they invite, see
 * {@link InvitationApi}); a PATCH with {@code resetMfa} answers the one-time enrolment link once.
 */
@RestController
@RequestMapping("/api/v1")
class AccountApi {

    private final AccountDirectory directory;
    private final Clock clock;

    AccountApi(AccountDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/accounts")
    Page<AccountView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return listIn(Callers.current().tenantId(), page, size);
    }

    @PostMapping("/accounts")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<AccountView> create(@RequestBody NewAccount request) {
        return createIn(Callers.current().tenantId(), request);
    }

    @GetMapping("/accounts/{accountId}")
    AccountView get(@PathVariable UUID accountId) {
        return getIn(Callers.current().tenantId(), accountId);
    }

    @PatchMapping("/accounts/{accountId}")
    AccountView change(@PathVariable UUID accountId, @RequestBody AccountPatch patch) {
        return changeIn(Callers.current().tenantId(), accountId, patch);
    }

    @GetMapping("/tenants/{tenantId}/accounts")
    Page<AccountView> listIn(@PathVariable UUID tenantId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return directory.list(Callers.current(), tenantId, PageRequest.of(page, size)).map(a -> AccountView.of(a, clock.instant()));
    }

    @PostMapping("/tenants/{tenantId}/accounts")
    @ApiResponse(responseCode = "201", description = "Created")
    ResponseEntity<AccountView> createIn(@PathVariable UUID tenantId, @RequestBody NewAccount request) {
        AccountView created = AccountView.of(directory.create(Callers.current(), tenantId, request), clock.instant());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenantId + "/accounts/" + created.id())).body(created);
    }

    @GetMapping("/tenants/{tenantId}/accounts/{accountId}")
    AccountView getIn(@PathVariable UUID tenantId, @PathVariable UUID accountId) {
        return AccountView.of(directory.get(Callers.current(), tenantId, accountId), clock.instant());
    }

    @PatchMapping("/tenants/{tenantId}/accounts/{accountId}")
    AccountView changeIn(@PathVariable UUID tenantId, @PathVariable UUID accountId, @RequestBody AccountPatch patch) {
        var changed = directory.change(Callers.current(), tenantId, accountId, patch);
        return AccountView.of(changed.account(), clock.instant()).withEnrolmentLink(changed.enrolmentLink());
    }
}
