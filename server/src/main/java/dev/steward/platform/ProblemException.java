package dev.steward.platform;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A fact that ends a request with an RFC 9457 problem response. Each subclass names one fact and
 * fixes its stable {@code type}, status and title; the detail says what happened in this case.
 */
public abstract class ProblemException extends RuntimeException {

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    protected ProblemException(String slug, HttpStatus status, String title, String detail,
            Map<String, Object> properties) {
        super(detail);
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    protected ProblemException(String slug, HttpStatus status, String title, String detail) {
        this(slug, status, title, detail, Map.of());
    }

    public static URI typeOf(String slug) {
        return URI.create("urn:steward:problem:" + slug);
    }

    /** The RFC 9457 body of a problem: the one shape every error response of the API has. */
    public static org.springframework.http.ProblemDetail detail(HttpStatus status, String slug, String title,
            String detail) {
        org.springframework.http.ProblemDetail p = org.springframework.http.ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(typeOf(slug));
        p.setTitle(title);
        return p;
    }

    /** This fact as an RFC 9457 body, with its extra properties. */
    public org.springframework.http.ProblemDetail toProblemDetail() {
        org.springframework.http.ProblemDetail p = detail(status, slug, title, getMessage());
        properties.forEach(p::setProperty);
        return p;
    }

    public URI type() {
        return typeOf(slug);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
