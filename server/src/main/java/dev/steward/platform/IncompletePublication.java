package dev.steward.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A domain event publication whose listener has not completed: what an operator needs to see that
 * something is stuck (which event, for which listener, since when, how often tried), without the
 * event's content.
 *
 * @param eventType the event's class, e.g. {@code dev.steward.tenancy.TenantDeleted}
 * @param listener the listener's id (class and method)
 * @param attempts completion attempts so far (0 while the first delivery is running or waiting)
 * @param lastResubmittedAt the last retry, or null before the first
 */
public record IncompletePublication(UUID id, String eventType, String listener, Instant publishedAt, int attempts,
        String status, Instant lastResubmittedAt) {

    /** The event class's simple name, for a table that has little room. */
    public String eventName() {
        return eventType.substring(eventType.lastIndexOf('.') + 1);
    }
}
