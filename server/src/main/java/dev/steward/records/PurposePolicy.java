package dev.steward.records;

import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.tenancy.Tenant;

/**
 * Decides whether personal data may be processed for a purpose. Called before every read and
 * every write of records, inside the access's transaction; refuses by throwing a problem
 * ({@link PurposeNotAllowed}, or {@link dev.steward.platform.Forbidden}). The default allows any purpose
 * of a configured list; the {@code processing} feature (customer instructions, objections,
 * restrictions) will replace it.
 *
 * @param subject the subject concerned, or {@code null} when the access spans subjects (category export)
 */
public interface PurposePolicy {

    void check(Caller caller, Tenant tenant, SubjectRef subject, String purpose, Action action);
}
