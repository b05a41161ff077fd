package dev.steward.rights.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.steward.rights.RequestChannel;
import dev.steward.rights.RequestState;
import dev.steward.rights.RequestType;

/** A row of {@code rights_requests} with its pauses; {@code personal} is still sealed (empty once {@link #retired()}). */
public record RequestRow(UUID tenantId, UUID id, RequestType type, RequestChannel channel, RequestState state,
        Instant receivedAt, String subjectKey, byte[] personal, int extensionMonths, Instant extendedAt, String outcome,
        Instant remindedAt, Instant overdueAlertedAt, Instant answeredAt, int version, List<PauseRow> pauses) {

    public record PauseRow(Instant pausedAt, Instant resumedAt, String reason) {
    }

    public RequestRow {
        pauses = List.copyOf(pauses);
    }

    /**
     * Whether the request file was retired at the end of its retention: its key destroyed and its
     * sealed columns emptied, the skeleton (type, dates, states, outcome) kept as evidence.
     */
    public boolean retired() {
        return personal.length == 0;
    }

    public RequestRow withPauses(List<PauseRow> p) {
        return new RequestRow(tenantId, id, type, channel, state, receivedAt, subjectKey, personal, extensionMonths,
                extendedAt, outcome, remindedAt, overdueAlertedAt, answeredAt, version, p);
    }
}
