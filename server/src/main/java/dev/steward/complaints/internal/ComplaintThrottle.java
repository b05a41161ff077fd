package dev.steward.complaints.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.steward.platform.SlidingWindow;

/**
 * The brake on the public complaint form: one network address sends at most {@code per-page} forms
 * an hour to one tenant's form, and at most {@code per-source} an hour to all tenants' forms together
 * (a flood spread over many pages is still one flood). Counted in this node's memory, like the login
 * throttle: a brake, not a quota. Every form a source sends counts toward its total, forms a page
 * refused included, so a source that keeps hammering one page is slowed on every page.
 */
@Component
public class ComplaintThrottle {

    static final Duration WINDOW = Duration.ofHours(1);

    private final SlidingWindow perPage;
    private final SlidingWindow perSource;

    ComplaintThrottle(Clock clock, @Value("${steward.complaints.form.per-page-per-hour:5}") int perPage,
            @Value("${steward.complaints.form.per-source-per-hour:20}") int perSource) {
        this.perPage = new SlidingWindow(perPage, WINDOW, clock);
        this.perSource = new SlidingWindow(perSource, WINDOW, clock);
    }

    /** Counts a form from {@code source} to {@code tenant}'s page; false when either limit is reached. */
    public boolean admit(UUID tenant, String source) {
        String from = source == null ? "unknown" : source;
        // the source's total first: a form it refuses does not use up the page's allowance
        return perSource.tryAcquire(from) && perPage.tryAcquire(tenant + "|" + from);
    }

    /** How long a refused source is asked to wait. */
    public Duration retryAfter() {
        return WINDOW;
    }
}
