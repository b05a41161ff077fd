package dev.steward.notices.internal;

import java.time.Duration;

/**
 * How deliveries are retried and where email goes (steward.notices.*).
 *
 * @param maxAttempts attempts before a delivery is parked and the provider's security officers alerted
 * @param firstRetry the delay before the second attempt; each further one doubles, up to {@code maxRetry}
 * @param webhookTimeout how long one webhook attempt may take, connecting and answering
 * @param rotationOverlap how long a rotated-out webhook secret still signs beside the new one
 * @param plainHttpWebhooks whether endpoints may be plain http (tests, closed networks); https otherwise
 * @param privateWebhookAddresses whether endpoints may resolve to loopback, private or link-local
 *        addresses (tests, closed networks); otherwise a customer could aim Steward at the provider's own network
 */
public record NoticeSettings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration webhookTimeout,
        Duration rotationOverlap, boolean plainHttpWebhooks, boolean privateWebhookAddresses) {

    public NoticeSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("steward.notices.max-attempts must be at least 1");
        }
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("steward.notices.first-retry must be positive and at most max-retry");
        }
    }
}
