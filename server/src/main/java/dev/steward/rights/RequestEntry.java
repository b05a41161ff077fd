package dev.steward.rights;

import java.time.Instant;

/**
 * One step of a request's history.
 *
 * @param note what was told or given with the step (a reason, a question, a clarification), opened for the reader; may be null
 */
public record RequestEntry(Step step, RequestState state, Instant at, String actor, String note) {
}
