package dev.steward.rights;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/** Too many forms from one source within the hour: the privacy page asks it to wait. */
public final class SubmissionsThrottled extends ProblemException {

    public SubmissionsThrottled() {
        super("too-many-submissions", HttpStatus.TOO_MANY_REQUESTS, "Too many submissions",
                "too many requests were submitted from your network address in the last hour: try again later");
    }
}
