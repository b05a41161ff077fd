package dev.steward.identity.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.identity.ProviderAccess;
import dev.steward.identity.ProviderAccessLog;
import dev.steward.platform.Callers;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;

/** Every act of provider staff inside the caller's customer tenant, newest first. */
@RestController
class ProviderAccessApi {

    private final ProviderAccessLog accesses;

    ProviderAccessApi(ProviderAccessLog accesses) {
        this.accesses = accesses;
    }

    @GetMapping("/api/v1/provider-access")
    Page<ProviderAccess> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return accesses.list(Callers.current(), PageRequest.of(page, size));
    }
}
