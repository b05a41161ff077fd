package dev.steward.complaints;

import java.time.Instant;
import java.util.UUID;

/** A complaint in a list: no personal data, its clock first (lists are sorted by urgency). */
public record ComplaintSummary(UUID id, UUID tenantId, ComplaintChannel channel, ComplaintState state,
        Instant receivedAt, ComplaintClock clock, String assignedRole, String assignee) {
}
