package dev.steward.notices.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Standard Webhooks delivery: a JSON POST with {@code webhook-id} (the delivery id, the same on
 * every retry, so the receiver can drop duplicates), {@code webhook-timestamp} (this attempt, in
 * seconds) and {@code webhook-signature} (one {@code v1,} signature per secret in use). Any 2xx is
 * a receipt; redirects are not followed (a receiver must name its final address).
 */
public final class WebhookChannel {

    /** What a receiver answered to a 2xx attempt. */
    public record Answer(int status, String body) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookChannel(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static String messageId(java.util.UUID deliveryId) {
        return "msg_" + deliveryId;
    }

    public Answer post(String url, String messageId, List<String> secrets, String body) throws DeliveryFailed {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("content-type", "application/json")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(secrets, messageId, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailed("bad-url", e);
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed("http-" + response.statusCode(), null);
            }
            String answer = response.body();
            return new Answer(response.statusCode(), answer.length() > 10_000 ? answer.substring(0, 10_000) : answer);
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailed("timeout", e);
        } catch (IOException e) {
            throw new DeliveryFailed("unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", e);
        }
    }
}
