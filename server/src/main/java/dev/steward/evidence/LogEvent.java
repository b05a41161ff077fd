package dev.steward.evidence;

import java.util.UUID;

import dev.steward.platform.Caller;

/**
 * One security-relevant act, as the system log records it.
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

    public LogEvent(UUID tenantId, Caller caller, String action, String object, String purpose, String outcome,
            String subjectRef, String actorName) {
        this(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, null);
    }

    public static LogEvent success(UUID tenantId, Caller caller, String action, String object) {
        return new LogEvent(tenantId, caller, action, object, null, "success", null,
                caller == null ? null : caller.name());
    }

    public LogEvent from(String address) {
        return new LogEvent(tenantId, caller, action, object, purpose, outcome, subjectRef, actorName, address);
    }
}
