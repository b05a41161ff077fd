package dev.steward.notices;

import java.time.Instant;
import java.util.UUID;

/** A tenant's contact point: an address told by email about notices of its kind. */
public record Contact(UUID id, ContactKind kind, String email, Instant createdAt) {
}
