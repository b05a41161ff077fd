package dev.steward.rights.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.steward.rights.RequestChannel;
import dev.steward.rights.RequestState;
import dev.steward.rights.RequestType;

/** A row of {@code rights_requests} with its pauses; {@code personal} is still sealed. */
public record RequestRow(UUID tenantId, UUID id, RequestType type, RequestChannel channel, RequestState state,
        Instant receivedAt, String subjectKey, byte[] personal, int extensionMonths, Instant extendedAt, String outcome,
        Instant remindedAt, Instant overdueAlertedAt, Instant answeredAt, int version, List<PauseRow> pauses) {

    public record PauseRow(Instant pausedAt, Instant resumedAt, String reason) {
    }

    public RequestRow {
        pauses = List.copyOf(pauses);
    }

    public RequestRow withPauses(List<PauseRow> p) {
        return new RequestRow(tenantId, id, type, channel, state, receivedAt, subjectKey, personal, extensionMonths,
                extendedAt, outcome, remindedAt, overdueAlertedAt, answeredAt, version, p);
    }
}
