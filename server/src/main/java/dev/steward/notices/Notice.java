package dev.steward.notices;

import java.time.Instant;
import java.util.UUID;

/** One notice as its receiver sees it in the inbox. */
public record Notice(UUID id, Topic topic, String subject, String body, Instant createdAt, boolean read) {
}
