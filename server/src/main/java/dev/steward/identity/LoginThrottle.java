package dev.steward.identity;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.steward.platform.SlidingWindow;

/**
 * Limits login attempts per source address to a number per sliding minute, so password guessing
 * across many accounts is slowed even before any single account locks. The password step and the
 * second-factor step each have their own budget ({@code SignIn} keys the latter
 * {@code "second-factor|" + source}).
 */
@Component
public class LoginThrottle {

    private final SlidingWindow attempts;

    LoginThrottle(@Value("${steward.security.login-rate-per-minute:30}") int perMinute, Clock clock) {
        this.attempts = new SlidingWindow(perMinute, Duration.ofMinutes(1), clock);
    }

    /** Counts an attempt; false when the source has made {@code perMinute} attempts in the last minute. */
    public boolean tryAcquire(String source) {
        return attempts.tryAcquire(source);
    }
}
