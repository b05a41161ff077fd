package dev.steward.records;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.steward.platform.ProblemException;

/**
 * An access guard's refusal: a fact with its own problem type, status and reason. The chain
 * ({@link AccessGuard}) writes every refusal to the system log, naming the guard, and changes nothing.
 */
public abstract class AccessRefused extends ProblemException {

    protected AccessRefused(String slug, HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        super(slug, status, title, detail, properties);
    }

    /**
     * What the system log says of the refusal beside the guard's name, e.g. {@code state=TERMINATED}.
     * Never personal data: the log entry's object field is not sealed.
     */
    public String note() {
        return "";
    }
}
