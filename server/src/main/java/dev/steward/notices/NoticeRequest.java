package dev.steward.notices;

import java.util.Objects;
import java.util.UUID;

/**
 * What a feature tells a tenant. Subject and body are plain text, shown and sent as they are:
 * they must carry no personal data of subjects (an email travels beyond Steward's encryption).
 */
public record NoticeRequest(UUID tenantId, Topic topic, Audience audience, String subject, String body) {

    public NoticeRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
