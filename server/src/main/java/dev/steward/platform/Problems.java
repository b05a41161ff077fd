package dev.steward.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/** Writes a problem response directly, for filters that answer before any controller runs. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The problem's {@code instance} is the path of the request being answered, when one is bound to this thread. */
    public static void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
            throws IOException {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        write(request, response, status, slug, title, detail);
    }

    /** The problem's {@code instance} is the request's real path (never its query, which may hold a token). */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String instance = request == null ? "" : ",\"instance\":\"" + escape(request.getRequestURI()) + "\"";
        response.getWriter().write("{\"type\":\"" + ProblemException.typeOf(slug) + "\",\"title\":\"" + escape(title)
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(detail) + "\"" + instance + "}");
    }

    /** A fact as its problem response, with its extra properties ({@code errors[]}), as the controllers answer it. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemException fact)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", fact.type().toString());
        body.put("title", fact.title());
        body.put("status", fact.status().value());
        body.put("detail", fact.getMessage());
        body.put("instance", request.getRequestURI());
        body.putAll(fact.properties());
        response.setStatus(fact.status().value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
