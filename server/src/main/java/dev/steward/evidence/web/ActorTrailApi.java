package dev.steward.evidence.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.steward.evidence.ActorTrail;
import dev.steward.evidence.ActorTrailErasure;
import dev.steward.evidence.SystemLog;
import dev.steward.keys.ErasureReceipt;
import dev.steward.platform.Caller;
import dev.steward.platform.Callers;
import dev.steward.platform.InvalidField;
import dev.steward.platform.NotFound;

/**
 * {@code DELETE /api/v1/logs/{logId}/actors/{kind}/{actorTenant}/{actorId}/personal-fields}: erases
 * one actor's personal fields in the caller's own tenant's log (see {@link ActorTrailErasure}).
 */
@RestController
@RequestMapping("/api/v1/logs/{logId}/actors")
class ActorTrailApi {

    record ErasedView(UUID receipt, String actor, Instant erasedAt) {
    }

    private final ActorTrailErasure erasure;

    ActorTrailApi(ActorTrailErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/{kind}/{actorTenant}/{actorId}/personal-fields")
    ErasedView erase(@PathVariable String logId, @PathVariable String kind, @PathVariable String actorTenant,
            @PathVariable String actorId) {
        Caller caller = Callers.current();
        if (!SystemLog.logOf(caller.tenantId()).value().equals(logId)) {
            throw new NotFound("log " + logId);
        }
        if (!kind.equals("account") && !kind.equals("token")) {
            throw new InvalidField("kind", "must be account or token");
        }
        ActorTrail actor = new ActorTrail(kind, uuid("actorTenant", actorTenant), uuid("actorId", actorId));
        ErasureReceipt receipt = erasure.erase(caller, actor);
        return new ErasedView(receipt.id(), kind + ":" + actor.actorId(), receipt.erasedAt());
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "must be a UUID");
        }
    }
}
