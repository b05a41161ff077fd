package dev.steward.complaints;

import java.util.UUID;

/**
 * A complaint was received in {@code tenantId}. Published in the receiving transaction and delivered
 * through the event publication registry, so the provider's compliance staff, whose inbox lives in
 * another tenant than the complaint, are told even if the server stops right after the commit.
 * Ids only, no personal data.
 */
public record ComplaintReceived(UUID tenantId, UUID complaintId) {
}
