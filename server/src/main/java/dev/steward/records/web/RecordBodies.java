package dev.steward.records.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.steward.records.RecordSource;

/**
 * The request bodies of the record API as the OpenAPI document shows them. The controller reads
 * them itself ({@link RequestBodies}) so that a document is never held beyond its limit; these
 * types only tell clients the shape.
 */
final class RecordBodies {

    private RecordBodies() {
    }

    @Schema(description = "A new record of one subject", requiredProperties = { "category", "purpose", "document" })
    record NewRecordBody(@Schema(description = "one of the tenant's record categories") String category,
            @Schema(description = "where the data came from; CUSTOMER when absent") RecordSource source,
            @Schema(description = "the purpose the record is processed for") String purpose,
            @Schema(description = "the personal data: any JSON object, stored encrypted",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> document) {
    }

    @Schema(description = "A correction: a new version of the record", requiredProperties = "document")
    record CorrectionBody(@Schema(description = "a new category; the old one when absent") String category,
            @Schema(description = "a new purpose; the old one when absent") String purpose,
            @Schema(description = "the corrected personal data: any JSON object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> document,
            @Schema(description = "the version being corrected; a mismatch is a 409 problem") Integer expectedVersion) {
    }
}
