package dev.steward.notices;

import java.util.Objects;
import java.util.UUID;

import dev.steward.platform.InvalidField;

/**
 * What a feature tells one person outside the tenant's accounts and contacts (a data subject, a
 * complainant) by email. The subject line must carry no personal data; the body may (a reason told to
 * the requester), and is kept in the outbox like every notice body (see {@link Notices#tellPerson}).
 */
public record PersonNotice(UUID tenantId, Topic topic, String address, String subject, String body) {

    public PersonNotice {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (address == null || address.length() > 254 || address.chars().anyMatch(Character::isISOControl)
                || !address.matches("[^@\\s,;<>]{1,64}@[^@\\s,;<>]{1,253}\\.[^@\\s,;<>]{2,63}")) {
            throw new InvalidField("address", "must be one email address");
        }
    }
}
