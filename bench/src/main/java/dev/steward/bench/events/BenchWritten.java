package dev.steward.bench.events;

import java.util.UUID;

/** A domain event as Steward's are: ids only, past tense. */
public record BenchWritten(UUID tenantId, UUID id) {
}
