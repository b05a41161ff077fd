package dev.steward.records;

import java.time.Instant;
import java.util.UUID;

import dev.steward.platform.Role;

/**
 * One access to personal data: who, in which role, did what to which (pseudonymous) subject and
 * record, for which purpose, with which outcome. Carries no personal value in clear.
 *
 * @param subjectRef the subject's pseudonym (HMAC), or {@code null} for an access not about one subject
 * @param recordId the record, or {@code null} for a subject-wide act such as erasure
 * @param purpose the named purpose, or {@code null} where none applies (deletion, erasure)
 */
public record AccessEvent(UUID tenantId, Instant at, String actor, Role role, Action action, String subjectRef,
        UUID recordId, Purpose purpose, String outcome) {
}
