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

    /** The most of a receiver's answer that is read: enough for a verification echo, bounded against a flood. */
    private static final int MAX_ANSWER = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final boolean privateAddresses;
    private final Clock clock;

    public WebhookChannel(Duration timeout, boolean privateAddresses, Clock clock) {
        this.timeout = timeout;
        this.privateAddresses = privateAddresses;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Whether the host resolves to an address of the provider's own side: loopback, private,
     * link-local (cloud metadata), unspecified, multicast, or IPv6 unique-local. An unresolvable host
     * counts as private (it fails anyway). Checked at creation and before every attempt; the HTTP client
     * resolves again when it connects, so a DNS answer that changes in between is not caught here
     * (docs/design/notices.md).
     */
    public static boolean resolvesPrivately(String host) {
        if (host == null) {
            return true;
        }
        try {
            for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) {
                byte[] b = a.getAddress();
                boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || uniqueLocal) {
                    return true;
                }
            }
            return false;
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    public static String messageId(java.util.UUID deliveryId) {
        return "msg_" + deliveryId;
    }

    public Answer post(String url, String messageId, List<String> secrets, String body) throws DeliveryFailed {
        if (!privateAddresses && resolvesPrivately(URI.create(url).getHost())) {
            throw new DeliveryFailed("private-address", null);
        }
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
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String answer;
            try (java.io.InputStream in = response.body()) {
                answer = new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
            }
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryFailed("http-" + response.statusCode(), null);
            }
            return new Answer(response.statusCode(), answer);
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
