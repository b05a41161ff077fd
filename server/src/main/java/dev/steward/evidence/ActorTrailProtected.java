package dev.steward.evidence;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/**
 * An actor's trail that the caller may not erase: its own (nobody erases the evidence of their own
 * acts), or, for a customer, the trail of provider staff in the customer's log (the customer's
 * evidence of every provider access).
 */
public final class ActorTrailProtected extends ProblemException {

    public ActorTrailProtected(String detail) {
        super("actor-trail-protected", HttpStatus.FORBIDDEN, "Actor trail protected", detail);
    }
}
