package dev.steward.records;

import java.util.UUID;

/**
 * A legal hold to place on a subject.
 *
 * @param reason the legal ground (a case, a statute, an authority's order): 1 to 500 characters
 * @param recordId one record of the subject to hold, or {@code null} to hold all its records
 */
public record NewHold(String reason, UUID recordId) {
}
