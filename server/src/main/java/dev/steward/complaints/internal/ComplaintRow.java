package dev.steward.complaints.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.steward.complaints.ComplaintChannel;
import dev.steward.complaints.ComplaintOutcome;
import dev.steward.complaints.ComplaintState;

/**
 * A complaint as stored; {@code personal} and {@code response} are sealed under the complaint's key.
 *
 * @param complainantKey pseudonym of the complainant's address, or null without one
 */
public record ComplaintRow(UUID tenantId, UUID id, ComplaintState state, ComplaintChannel channel, Instant receivedAt,
        Instant dueAt, LocalDate lastDay, String assignedRole, String assignee, String complainantKey,
        byte[] personal, ComplaintOutcome outcome, byte[] response, Instant answeredAt, int version) {

    /** Its file retired at the end of its retention: the key destroyed, the sealed columns emptied. */
    public boolean retired() {
        return personal.length == 0;
    }

    /** This row moved on by one step: the next state, one version later. */
    public ComplaintRow next(ComplaintState state) {
        return new ComplaintRow(tenantId, id, state, channel, receivedAt, dueAt, lastDay, assignedRole, assignee,
                complainantKey, personal, outcome, response, answeredAt, version + 1);
    }

    public ComplaintRow assignedTo(String actor) {
        return new ComplaintRow(tenantId, id, state, channel, receivedAt, dueAt, lastDay, assignedRole, actor,
                complainantKey, personal, outcome, response, answeredAt, version);
    }

    /** Answered (responded or withdrawn): the clock stops at {@code at}. */
    public ComplaintRow answered(Instant at, ComplaintOutcome outcome, byte[] response) {
        return new ComplaintRow(tenantId, id, state, channel, receivedAt, dueAt, lastDay, assignedRole, assignee,
                complainantKey, personal, outcome, response, at, version);
    }
}
