package dev.steward.identity;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits login attempts per source address to a number per sliding minute, so password guessing
 * across many accounts is slowed even before any single account locks. The password step and the
 * second-factor step each have their own budget ({@code SignIn} keys the latter
 * {@code "second-factor|" + source}).
 */
@Component
public class LoginThrottle {

    private static final long WINDOW_MILLIS = 60_000;

    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    LoginThrottle(@Value("${steward.security.login-rate-per-minute:30}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts an attempt; false when the source has made {@code perMinute} attempts in the last minute. */
    public boolean tryAcquire(String source) {
        long now = clock.millis();
        if (attempts.size() > 100_000) {
            attempts.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - WINDOW_MILLIS;
                }
            });
        }
        Deque<Long> times = attempts.computeIfAbsent(source, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
