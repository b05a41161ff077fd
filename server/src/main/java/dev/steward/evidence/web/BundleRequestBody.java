package dev.steward.evidence.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a bundle request as the OpenAPI document shows it; {@link BundleApi#parse} reads
 * the body itself so that an unknown field is refused by name.
 */
@Schema(name = "BundleRequest", description = "Which system-log entries a bundle holds", requiredProperties = { "from",
        "to" })
record BundleRequestBody(@Schema(description = "entries logged at or after this instant") Instant from,
        @Schema(description = "entries logged before this instant") Instant to,
        @Schema(description = "only entries of this action, e.g. record.read") String action,
        @Schema(description = "only entries of this actor") String actor,
        @Schema(description = "only entries about this subject reference") String subject,
        @Schema(description = "tree size of a checkpoint the customer saved earlier: the bundle then carries a "
                + "consistency proof from it (./steward verify --since)") Long since) {
}
