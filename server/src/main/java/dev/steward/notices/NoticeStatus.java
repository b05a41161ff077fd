package dev.steward.notices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notice and how far each of its deliveries got. */
public record NoticeStatus(UUID id, Topic topic, String subject, Instant createdAt, List<Delivery> deliveries) {
}
