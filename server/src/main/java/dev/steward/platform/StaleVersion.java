package dev.steward.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A change named a version of its object that is no longer current, or raced another change of the
 * same object: refused, nothing changed, and it may be made again on the object as it is now. The
 * field (and the current version, when known) are data, never parsed from the message; the detail
 * still names the field first because console pages show it as it is.
 */
public final class StaleVersion extends ProblemException {

    /** @param currentVersion the object's version now, or {@code null} when the race left it unknown */
    public StaleVersion(String field, String message, Integer currentVersion) {
        super("stale-version", HttpStatus.CONFLICT, "Stale version", field + ": " + message,
                properties(field, message, currentVersion));
    }

    private static Map<String, Object> properties(String field, String message, Integer currentVersion) {
        Map<String, Object> p = new HashMap<>();
        p.put("errors", List.of(Map.of("field", field, "message", message)));
        if (currentVersion != null) {
            p.put("currentVersion", currentVersion);
        }
        return p;
    }
}
