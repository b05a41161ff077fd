package dev.steward.records;

import java.util.UUID;

import dev.steward.keys.SubjectRef;
import dev.steward.platform.Caller;
import dev.steward.tenancy.Tenant;

/**
 * One access to personal data, as the {@link AccessGuard}s judge it. What is not known at the point
 * of the check is {@code null}: at admission to the tenant only the caller, tenant and action are;
 * inside the access the purpose, the subject and the record follow.
 *
 * @param purpose the named purpose, or {@code null} for an act that processes none (deletion, erasure, settings)
 * @param subject the subject's pseudonym, or {@code null} when the access spans subjects or none is known yet
 * @param recordId the record, or {@code null}
 * @param category the record's category, or {@code null}
 */
public record Access(Caller caller, Tenant tenant, Action action, Purpose purpose, SubjectRef subject, UUID recordId,
        String category) {

    /** The access as the tenant's admission sees it. */
    public static Access of(Caller caller, Tenant tenant, Action action) {
        return new Access(caller, tenant, action, null, null, null, null);
    }

    public Access forPurpose(Purpose p) {
        return new Access(caller, tenant, action, p, subject, recordId, category);
    }

    public Access ofSubject(SubjectRef s) {
        return new Access(caller, tenant, action, purpose, s, recordId, category);
    }

    public Access ofRecord(UUID id) {
        return new Access(caller, tenant, action, purpose, subject, id, category);
    }

    public Access inCategory(String c) {
        return new Access(caller, tenant, action, purpose, subject, recordId, c);
    }
}
