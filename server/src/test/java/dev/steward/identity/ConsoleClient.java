package dev.steward.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.steward.support.ApiClient;

/** A browser-like console client: its own cookie jar (one session), CSRF tokens read from each form. */
final class ConsoleClient {

    record Page(int status, String location, String body) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    ConsoleClient(int port) {
        this.base = "https://localhost:" + port;
        this.http = HttpClient.newBuilder().sslContext(ApiClient.trustAll()).sslParameters(noHostnameCheck()).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Reads the CSRF token from the page at {@code formPage}, then posts the form to {@code path}. */
    Page post(String formPage, String path, Map<String, String> fields) {
        Matcher m = CSRF.matcher(get(formPage).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + formPage);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Page signIn(String organisation, String username, String password) {
        return post("/login", "/login", Map.of("organisation", organisation, "username", username, "password", password));
    }

    private Page send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static javax.net.ssl.SSLParameters noHostnameCheck() {
        javax.net.ssl.SSLParameters p = new javax.net.ssl.SSLParameters();
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }
}
