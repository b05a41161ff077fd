package dev.steward.evidence;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.steward.evidence.internal.PersonalFields;
import dev.steward.keys.ErasureReceipt;
import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.platform.DataScope;
import dev.steward.platform.NotFound;
import dev.steward.platform.Permission;
import dev.steward.platform.TenantScope;

/**
 * Erasure of an actor's personal fields (name, source address) in the system log of the caller's
 * own tenant: crypto-shreds the actor's key, so those fields read as erased while every entry still
 * verifies (its leaf hashes the ciphertext).
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Needs {@link Permission#ACTOR_TRAIL_ERASE}; it is an act of its own, logged in the same
 *       transaction as the key's destruction.</li>
 *   <li>Never the caller's own trail (a token and the account that issued it count as one), and never, for a customer, the trail provider staff left in the
 *       customer's log ({@link ActorTrailProtected}).</li>
 *   <li>The refused sign-ins' fields (the anonymous key) are not erasable by anyone: they are the
 *       evidence of attacks, and one key covers every refused attempt of the tenant.</li>
 *   <li>An actor the log never sealed fields for, or one named with the wrong home tenant, answers 404
 *       and destroys nothing.</li>
 * </ul>
 */
@Service
public class ActorTrailErasure {

    private final PersonalFields personal;
    private final SystemLog log;
    private final TransactionTemplate tx;
    private final TokenCreators tokens;

    ActorTrailErasure(PersonalFields personal, SystemLog log, TransactionTemplate tx, TokenCreators tokens) {
        this.personal = personal;
        this.log = log;
        this.tx = tx;
        this.tokens = tokens;
    }

    /** A token acts for the account that issued it: erasing one's trail through the other is erasing one's own. */
    private boolean ownTrail(Caller caller, ActorTrail actor) {
        if (caller.kind() == Caller.Kind.TOKEN && tokens.creatorOf(caller.tenantId(), caller.principalId())
                .filter(actor.actorId()::equals).isPresent()) {
            return true;
        }
        return actor.kind().equals("token") && actor.actorTenant().equals(caller.tenantId())
                && tokens.creatorOf(actor.actorTenant(), actor.actorId()).filter(caller.principalId()::equals).isPresent();
    }

    public ErasureReceipt erase(Caller caller, ActorTrail actor) {
        caller.require(EvidencePermissions.ACTOR_TRAIL_ERASE);
        if (actor.actorId().equals(caller.principalId())) {
            throw new ActorTrailProtected("an actor may not erase the personal fields of its own trail");
        }
        if (actor.isProviderStaff() && !caller.isProvider()) {
            throw new ActorTrailProtected("the trail of provider staff in a customer's log is the customer's evidence of"
                    + " provider access and is not erasable by the customer");
        }
        UUID tenant = caller.tenantId();
        if (!actor.actorTenant().equals(tenant) && !actor.isProviderStaff()) {
            throw new NotFound("actor trail");
        }
        return TenantScope.call(DataScope.tenant(tenant), () -> tx.execute(s -> {
            if (ownTrail(caller, actor)) {
                throw new ActorTrailProtected("a token and the account that issued it may not erase each other's trail");
            }
            SubjectRef key = personal.existingKey(tenant, actor.keyName()).orElseThrow(() -> new NotFound("actor trail"));
            ErasureReceipt receipt = personal.destroy(tenant, key);
            log.record(LogEvent.success(tenant, caller, "evidence.actor-fields.erased",
                    actor.kind() + ":" + actor.actorId() + "@" + actor.actorTenant() + " receipt=" + receipt.id()));
            return receipt;
        }));
    }
}
