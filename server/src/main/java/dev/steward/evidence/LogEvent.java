package dev.steward.evidence;

import java.util.UUID;

import dev.steward.platform.Caller;

/**
 * One security-relevant act, as the system log records it. Built by name, never by position (nine
 * strings in a row are too easy to swap): {@code LogEvent.of(tenant, caller, "record.read")
 * .object("record:" + id).purpose("CARE").subject(ref)}, or {@link #success} for the common case.
 * Each step returns a new value; the record stays the value the system log writes.
 *
 * @param tenantId the tenant whose log receives the entry (the provider tenant for the provider log)
 * @param caller who acted, or null for the platform itself
 * @param action what happened, dotted and past tense: {@code tenant.created}, {@code auth.signin.refused}
 * @param object what it happened to, e.g. {@code tenant:<id>}, {@code record:<id>}; no personal data
 * @param purpose the declared purpose when personal data was read or written, else null
 * @param outcome {@code success}, {@code refused} or {@code failed}
 * @param subjectRef the pseudonym of the data subject concerned, or null
 * @param actorName who acted, as a person reads it (username, token name, attempted username):
 *        personal data, stored only encrypted under the actor's key
 * @param sourceAddress where the act came from, when the caller knows it better than the current
 *        request does (null: the current request's remote address); personal data, stored encrypted
 */
public record LogEvent(UUID tenantId, Caller caller, String action, String object, String purpose, String outcome,
        String subjectRef, String actorName, String sourceAddress) {

    /**
     * A successful act on nothing in particular yet, named after its caller (the platform itself
     * when the caller is null).
     */
    public static LogEvent of(UUID tenantId, Caller caller, String action) {
        return new LogEvent(tenantId, caller, action, null, null, "success", null,
                caller == null ? null : caller.name(), null);
    }

    public static LogEvent success(UUID tenantId, Caller caller, String action, String object) {
        return of(tenantId, caller, action).object(object);
    }

    public LogEvent object(String object) {
        return new LogEvent(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, sourceAddress);
    }

    public LogEvent purpose(String purpose) {
        return new LogEvent(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, sourceAddress);
    }

    /** The act was refused: a rule said no (a wrong password, a missing permission, a hold). */
    public LogEvent refused() {
        return outcome("refused");
    }

    /** The act was tried and did not work (a delivery error, a failing job). */
    public LogEvent failed() {
        return outcome("failed");
    }

    public LogEvent subject(String subjectRef) {
        return new LogEvent(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, sourceAddress);
    }

    /** Who acted, when that is not the caller's own name (an attempted username, an anonymous act). */
    public LogEvent actorName(String actorName) {
        return new LogEvent(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, sourceAddress);
    }

    public LogEvent from(String address) {
        return new LogEvent(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, address);
    }

    private LogEvent outcome(String outcome) {
        return new LogEvent(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, sourceAddress);
    }
}
