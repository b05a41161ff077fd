package dev.steward.evidence.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.evidence.EvidenceLog;
import dev.steward.evidence.SystemLog;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;

/**
 * The verifier keys of the system logs, published without credentials so that customers and outside
 * auditors can pin them independently of any bundle: {@code /.well-known/steward/logs} (the install
 * key and the provider log) and {@code /.well-known/steward/logs/<log>/vkey} (one log's key, C2SP vkey
 * format). A customer's log id is its tenant id. Each log's key is derived, so this answers for any
 * well-formed log id: it tells an outsider nothing about which tenants exist.
 */
@RestController
@RequestMapping("/.well-known/steward/logs")
class PublishedLogKeys {

    record PublishedLog(String log, String origin, String vkey) {
    }

    record Published(String installKey, List<PublishedLog> logs, String vkeyOfLog, String note) {
    }

    private static final CacheControl PUBLIC = CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic();

    private final EvidenceLog logs;

    PublishedLogKeys(EvidenceLog logs) {
        this.logs = logs;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Published> all() {
        UUID provider = DataScope.PROVIDER_TENANT;
        return ResponseEntity.ok().cacheControl(PUBLIC).body(new Published(logs.vkey(),
                List.of(new PublishedLog(SystemLog.PROVIDER_LOG, logs.origin(provider), logs.vkey(provider))),
                "/.well-known/steward/logs/{log}/vkey",
                "Each log signs its checkpoints under its own key, named the log's origin; the install key co-signs"
                        + " every checkpoint and alone signed those made before log keys. A customer's log is named"
                        + " by its tenant id; pin its key with ./steward verify --vkey."));
    }

    @GetMapping(value = "/{logId}/vkey", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> vkey(@PathVariable String logId) {
        UUID tenant;
        if (SystemLog.PROVIDER_LOG.equals(logId)) {
            tenant = DataScope.PROVIDER_TENANT;
        } else {
            try {
                tenant = UUID.fromString(logId);
            } catch (IllegalArgumentException e) {
                throw new NotFound("log " + logId);
            }
            if (!tenant.toString().equals(logId)) {
                throw new NotFound("log " + logId);
            }
        }
        return ResponseEntity.ok().cacheControl(PUBLIC).body(logs.vkey(tenant) + "\n");
    }
}
