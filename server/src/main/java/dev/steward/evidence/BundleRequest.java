package dev.steward.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * Which entries of a log an evidence bundle holds: those recorded in {@code [from, to)} that match
 * every non-null filter (actor id, action, subject pseudonym), exactly as {@link EntryFilter}.
 */
public record BundleRequest(Instant from, Instant to, String actorId, String action, String subjectRef) {

    public BundleRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public EntryFilter filter() {
        return new EntryFilter(from, to, actorId, action, subjectRef);
    }
}
