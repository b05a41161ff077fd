package dev.steward.evidence.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.steward.evidence.EntryFilter;
import dev.steward.evidence.EvidenceLog;
import dev.steward.evidence.LogEntryView;
import dev.steward.ledger.InclusionProof;
import dev.steward.ledger.tiles.TileAddress;
import dev.steward.ledger.tiles.Tiles;
import dev.steward.platform.Callers;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;
import dev.steward.platform.Page;
import dev.steward.platform.PageRequest;

/**
 * The system log of the caller's tenant over HTTP, following C2SP tlog-tiles paths under
 * {@code /api/v1/logs/{logId}/}: {@code checkpoint}, {@code tile/<L>/<N>[.p/<W>]},
 * {@code tile/entries/<N>[.p/<W>]}; plus JSON entries with filters, and proofs. Full tiles never
 * change, so they may be cached for good; partial tiles and the checkpoint may not.
 */
@RestController
@RequestMapping("/api/v1/logs/{logId}")
class LogApi {

    record Proof(String log, long index, long treeSize, String leafHash, List<String> hashes, String checkpoint) {
    }

    record Consistency(String log, long from, long to, List<String> hashes) {
    }

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePrivate()
            .immutable();

    private final EvidenceLog logs;

    LogApi(EvidenceLog logs) {
        this.logs = logs;
    }

    @GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpoint(@PathVariable String logId) {
        UUID tenant = logs.authorise(Callers.current(), logId);
        byte[] cp = logs.checkpoint(tenant).orElseThrow(() -> new NotFound("a checkpoint of log " + logId));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(new String(cp, StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/vkey", produces = MediaType.TEXT_PLAIN_VALUE)
    String vkey(@PathVariable String logId) {
        return logs.vkey(logs.authorise(Callers.current(), logId));
    }

    @GetMapping(value = "/tile/**", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ApiResponse(responseCode = "200", description = "A C2SP tlog-tiles tile or entry bundle", content = @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> tile(@PathVariable String logId, HttpServletRequest request) {
        UUID tenant = logs.authorise(Callers.current(), logId);
        String rest = request.getRequestURI().substring(request.getRequestURI().indexOf("/tile/") + "/tile/".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new NotFound("tile " + rest);
        }
        String first = rest.substring(0, slash);
        String index = rest.substring(slash + 1);
        boolean entries = first.equals("entries");
        TileAddress address;
        try {
            address = entries ? new TileAddress(0, Tiles.parseIndex(index)[0], (int) Tiles.parseIndex(index)[1])
                    : Tiles.parseTilePath(first, index);
        } catch (RuntimeException e) {
            throw new NotFound("tile path " + rest);
        }
        byte[] body = entries ? logs.entryBundle(tenant, address.index(), address.width())
                : logs.tile(tenant, address.level(), address.index(), address.width());
        return ResponseEntity.ok().cacheControl(address.partial() ? CacheControl.noCache() : IMMUTABLE).body(body);
    }

    @GetMapping("/entries")
    Page<LogEntryView> entries(@PathVariable String logId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String subject,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        UUID tenant = logs.authorise(Callers.current(), logId);
        return logs.entries(tenant, new EntryFilter(Inputs.instant("from", from), Inputs.instant("to", to), actor, action,
                subject), PageRequest.of(page, size));
    }

    @GetMapping("/proof/inclusion")
    Proof inclusion(@PathVariable String logId, @RequestParam(required = false) Long index,
            @RequestParam(required = false) Long treeSize) {
        // parameters are checked only once the caller may read the log: another tenant's log is 404 whatever is asked
        UUID tenant = logs.authorise(Callers.current(), logId);
        if (index == null) {
            throw new InvalidField("index", "is required");
        }
        InclusionProof p = logs.inclusion(tenant, index, treeSize);
        String cp = logs.checkpoint(tenant).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
        return new Proof(logId, p.index(), p.treeSize(), b64(p.leafHash()), p.hashes().stream().map(LogApi::b64).toList(), cp);
    }

    @GetMapping("/proof/consistency")
    Consistency consistency(@PathVariable String logId, @RequestParam(required = false) Long from,
            @RequestParam(required = false) Long to) {
        UUID tenant = logs.authorise(Callers.current(), logId);
        if (from == null) {
            throw new InvalidField("from", "is required");
        }
        if (to == null) {
            throw new InvalidField("to", "is required");
        }
        return new Consistency(logId, from, to, logs.consistency(tenant, from, to).stream().map(LogApi::b64).toList());
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
