package dev.steward.platform;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.databind.DatabindException;

/**
 * The one place where failures become RFC 9457 problem responses for the API. Every response
 * has a stable {@code type}; a bad field is named in {@code detail} and in {@code errors[]}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(1)
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> fact(ProblemException e) {
        return ResponseEntity.status(e.status()).body(e.toProblemDetail());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        FieldError first = e.getBindingResult().getFieldError();
        String detail = first == null ? "the request is invalid" : first.getField() + ": " + first.getDefaultMessage();
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field", detail, errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLarge tooLarge) {
                return fact(tooLarge);
            }
        }
        String field = fieldOf(e);
        if (field != null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field",
                    field + ": has the wrong type or format", List.of(Map.of("field", field,
                            "message", "has the wrong type or format")));
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "the request body is not valid JSON", List.of(Map.of("field", "body", "message", "is not valid JSON")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field",
                e.getName() + ": has the wrong format", List.of(Map.of("field", e.getName(), "message", "has the wrong format")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field",
                e.getParameterName() + ": is required", List.of(Map.of("field", e.getParameterName(), "message", "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field",
                e.getHeaderName() + ": header is required", List.of(Map.of("field", e.getHeaderName(), "message", "header is required")));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", e.getMessage(), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "send application/json", List.of(Map.of("field", "Content-Type", "message", "must be application/json")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource", null);
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "your role does not allow this", null);
    }

    @ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class })
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException e) {
        log.warn("database unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "Service temporarily unavailable", "the database is unavailable; retry later", null);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(r.getBody());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String slug, String title, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail p = ProblemException.detail(status, slug, title, detail);
        if (errors != null) {
            p.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(p);
    }

    private static String fieldOf(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException de && !de.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            de.getPath().forEach(ref -> {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            });
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }
}
