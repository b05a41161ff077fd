package dev.steward.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request body is larger than the limit for its kind of request. A JSON request changed nothing;
 * a streamed import keeps the lines it committed before the limit was reached (lines carry their
 * own ids, so re-sending the rest is safe).
 */
public final class RequestBodyTooLarge extends ProblemException {

    public RequestBodyTooLarge(long limit, String setting) {
        super("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "body: must be at most " + limit + " bytes (" + setting + ")",
                Map.of("errors", List.of(Map.of("field", "body", "message", "must be at most " + limit + " bytes"))));
    }
}
