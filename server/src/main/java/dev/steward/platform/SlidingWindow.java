package dev.steward.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in any sliding {@code window}, counted in this node's
 * memory: a brake on guessing and flooding from one source, not a quota (a restart or a second
 * node starts its own count; what must hold across nodes is counted in the database).
 */
public final class SlidingWindow {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();
    private final int limit;
    private final long windowMillis;
    private final Clock clock;

    public SlidingWindow(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts an event of {@code key}; false, and not counted, when the key had {@code limit} in the window. */
    public boolean tryAcquire(String key) {
        long now = clock.millis();
        if (events.size() > MAX_KEYS) {
            events.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() <= now - windowMillis;
                }
            });
        }
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            if (!times.isEmpty() && times.peekLast() > now) {
                // the clock was set back (a time step): count afresh rather than lock the key out for the step
                times.clear();
            }
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
