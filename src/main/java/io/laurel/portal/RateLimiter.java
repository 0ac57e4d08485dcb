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

    private static final int MAX_KEYS = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Records a hit and answers true, or answers false (recording nothing) when the key is over its limit. */
    boolean tryAcquire(String key, Instant now) {
        if (hits.size() > MAX_KEYS) {
            forgetIdle(now);
        }
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

    /** Drops keys with no hit inside the window, so addresses seen once do not pile up. */
    private void forgetIdle(Instant now) {
        Instant from = now.minus(window);
        hits.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Instant last = e.getValue().peekLast();
                return last == null || last.isBefore(from);
            }
        });
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return window;
    }
}
