package dev.steward.evidence;

import java.time.Instant;
import java.util.Map;

/**
 * One system-log entry as shown to an authorised reader: its place in the log ({@code index},
 * null while it waits for integration), what it says, and its personal fields decrypted, or
 * {@code erased} when the key they were sealed under has been destroyed.
 */
public record LogEntryView(Long index, boolean integrated, Instant time, String action, String object, String purpose,
        String outcome, String subject, Map<String, Object> actor, String actorName, String sourceAddress,
        boolean personalErased) {
}
