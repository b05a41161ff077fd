package dev.steward.evidence;

import java.time.Instant;

/** Which entries of a log to list; null fields do not filter. {@code to} is exclusive. */
public record EntryFilter(Instant from, Instant to, String actorId, String action, String subjectRef) {

    public static EntryFilter all() {
        return new EntryFilter(null, null, null, null, null);
    }
}
