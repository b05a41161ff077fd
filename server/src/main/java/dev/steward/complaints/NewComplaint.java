package dev.steward.complaints;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint as staff record it.
 *
 * @param concerning the tenant the complaint is about: null for the caller's own tenant; provider
 *                   compliance staff name a customer tenant here (or null: a complaint about the provider)
 * @param receivedAt when the email or letter arrived (at most 90 days ago); null: now
 * @param text       what the complainant wrote, in their words (at most 8,000 characters)
 */
public record NewComplaint(ComplaintChannel channel, Complainant complainant, String text, Instant receivedAt,
        UUID concerning) {
}
