package io.laurel.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window request limit per key (an IP address and what it asks for). In memory: each node counts
 * its own requests, which is enough to slow a script down; votes themselves are limited in the database
 * (one per email, entry and day) on every node alike.
 */
class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Records a hit and answers true, or answers false (recording nothing) when the key is over its limit. */
    boolean tryAcquire(String key, Instant now) {
        Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant from = now.minus(window);
            while (!times.isEmpty() && (times.peekFirst().isBefore(from) || times.peekFirst().isAfter(now))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }
}
