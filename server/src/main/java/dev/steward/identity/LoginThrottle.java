package dev.steward.identity;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits login attempts per source address per minute, so password guessing across many
 * accounts is slowed even before any single account locks.
 */
@Component
public class LoginThrottle {

    private record Window(long minute, int attempts) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    LoginThrottle(@Value("${steward.security.login-rate-per-minute:30}") int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts an attempt; false when the source has used up its attempts for this minute. */
    public boolean tryAcquire(String source) {
        long minute = clock.millis() / 60_000;
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute() < minute);
        }
        Window w = windows.compute(source, (k, old) -> old == null || old.minute() != minute ? new Window(minute, 1)
                : new Window(minute, old.attempts() + 1));
        return w.attempts() <= perMinute;
    }
}
