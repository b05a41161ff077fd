package dev.steward.notices;

import java.time.Instant;
import java.util.UUID;

/** A tenant's Standard Webhooks receiver; it receives notices only once verified. */
public record WebhookEndpoint(UUID id, String url, Instant verifiedAt, Instant previousSecretUntil, Instant createdAt) {
}
