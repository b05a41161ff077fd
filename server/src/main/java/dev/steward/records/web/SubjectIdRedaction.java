package dev.steward.records.web;

import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Keeps the customer's subject identifier out of problem responses: their {@code instance} would
 * otherwise repeat the request path, and a response to a POST with an Idempotency-Key is stored in
 * the database. The identifier is replaced by {@code {subjectId}}.
 */
@RestControllerAdvice
class SubjectIdRedaction implements ResponseBodyAdvice<Object> {

    private static final Pattern SUBJECT_SEGMENT = Pattern.compile("(/subjects/)[^/]+");

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String path = request.getURI().getRawPath();
            if (path != null && path.contains("/subjects/")) {
                problem.setInstance(URI.create(SUBJECT_SEGMENT.matcher(path).replaceAll("$1%7BsubjectId%7D")));
            }
        }
        return body;
    }
}
