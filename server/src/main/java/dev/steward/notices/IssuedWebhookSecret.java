package dev.steward.notices;

/** An endpoint with its signing secret ({@code whsec_<base64>}), shown once and never stored in clear. */
public record IssuedWebhookSecret(WebhookEndpoint endpoint, String secret) {

    @Override
    public String toString() {
        return "IssuedWebhookSecret[" + endpoint + ", secret=<redacted>]";
    }
}
