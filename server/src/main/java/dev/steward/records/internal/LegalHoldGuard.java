package dev.steward.records.internal;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.steward.records.Access;
import dev.steward.records.AccessGuard;
import dev.steward.records.Action;
import dev.steward.records.LegalHold;
import dev.steward.records.LegalHoldInForce;

/**
 * Legal holds: a held record is not deleted. The erasure of a subject is not refused by a hold but
 * carried out around it ({@link dev.steward.records.SubjectErasure}: what is held is kept, and the
 * answer says what and why), because a subject's erasure must still remove everything it may.
 */
@Component
@Order(AccessGuard.LEGAL_HOLD)
class LegalHoldGuard implements AccessGuard {

    private final LegalHoldRows holds;

    LegalHoldGuard(LegalHoldRows holds) {
        this.holds = holds;
    }

    @Override
    public String name() {
        return "legal-hold";
    }

    @Override
    public void check(Access access) {
        if (access.action() != Action.DELETE || access.subject() == null || access.recordId() == null) {
            return;
        }
        for (LegalHold hold : holds.ofSubject(access.tenant().id(), access.subject().hmac())) {
            if (hold.covers(access.recordId())) {
                throw new LegalHoldInForce(hold);
            }
        }
    }
}
