package dev.steward.notices;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery of a notice. {@code recipient} is a contact's address, an endpoint's id or the
 * roles of the inbox; {@code lastError} names the kind of the last failure only.
 */
public record Delivery(UUID tenantId, UUID id, UUID noticeId, Channel channel, String recipient, DeliveryState state,
        int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {
}
