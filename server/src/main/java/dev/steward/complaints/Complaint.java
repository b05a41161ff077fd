package dev.steward.complaints;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A complaint opened for an authorised reader: its clock, the complainant, what they wrote, the
 * response once given, what it links to and its history.
 *
 * @param assignedRole the role that handles it (COMPLIANCE, the provider's DPO contact point)
 * @param assignee     the handler who started the investigation, or null before
 * @param outcome      null until responded
 * @param response     the answer told to the complainant, null until responded
 * @param version      the complaint's version: a step may name it, and is refused when it changed meanwhile
 */
public record Complaint(UUID id, UUID tenantId, ComplaintChannel channel, ComplaintState state, Instant receivedAt,
        ComplaintClock clock, String assignedRole, String assignee, Complainant complainant, String text,
        ComplaintOutcome outcome, String response, List<ComplaintLink> links, List<ComplaintEntry> history,
        int version) {
}
