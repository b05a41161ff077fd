package dev.steward.complaints;

import java.time.Instant;

/**
 * One step of a complaint's history.
 *
 * @param note what was noted, told or linked with the step, opened for the reader; may be null
 */
public record ComplaintEntry(ComplaintStep step, ComplaintState state, Instant at, String actor, String note) {
}
