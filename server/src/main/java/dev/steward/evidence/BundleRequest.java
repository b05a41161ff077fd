package dev.steward.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * Which entries of a log an evidence bundle holds: those recorded in {@code [from, to)} that match
 * every non-null filter (actor id, action, subject pseudonym), exactly as {@link EntryFilter}.
 */
public record BundleRequest(Instant from, Instant to, String actorId, String action, String subjectRef, Long since) {

    public BundleRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** A request without a saved checkpoint to prove extension of. */
    public BundleRequest(Instant from, Instant to, String actorId, String action, String subjectRef) {
        this(from, to, actorId, action, subjectRef, null);
    }

    public EntryFilter filter() {
        return new EntryFilter(from, to, actorId, action, subjectRef);
    }
}
