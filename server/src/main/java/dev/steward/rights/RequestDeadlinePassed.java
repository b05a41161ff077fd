package dev.steward.rights;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** A deadline that already ran out cannot be extended (Art. 12(3): the extension is told within the first month). */
public final class RequestDeadlinePassed extends ProblemException {

    public RequestDeadlinePassed(Instant dueAt) {
        super("request-deadline-passed", HttpStatus.CONFLICT, "The deadline has passed",
                "the request was due at " + dueAt + ": it can no longer be extended",
                Map.of("dueAt", dueAt.toString(),
                        "errors", List.of(Map.of("field", "months", "message", "the deadline has passed"))));
    }
}
