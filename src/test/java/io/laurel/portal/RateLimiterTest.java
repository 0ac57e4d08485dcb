package io.laurel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding window of the per-address limits, on a clock the test moves. */
class RateLimiterTest {

    static final Instant T0 = Instant.parse("2026-10-21T02:00:00Z");

    @Test
    void a_key_gets_its_limit_per_window_and_more_once_old_hits_slide_out() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("a", T0)).isTrue();
        assertThat(limiter.tryAcquire("a", T0.plusSeconds(60))).isTrue();
        assertThat(limiter.tryAcquire("a", T0.plusSeconds(120))).isTrue();
        assertThat(limiter.tryAcquire("a", T0.plusSeconds(180))).as("fourth within 10 minutes").isFalse();
        assertThat(limiter.tryAcquire("b", T0.plusSeconds(180))).as("another address").isTrue();
        // The refused hit was not recorded: at 10:01 the first hit has left the window, one slot is free.
        assertThat(limiter.tryAcquire("a", T0.plusSeconds(601))).isTrue();
        assertThat(limiter.tryAcquire("a", T0.plusSeconds(602))).isFalse();
    }

    @Test
    void hits_from_the_future_do_not_block_when_the_clock_is_set_back() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("a", T0.plusSeconds(86_400))).isTrue();
        assertThat(limiter.tryAcquire("a", T0)).isTrue();
        assertThat(limiter.tryAcquire("a", T0.plusSeconds(1))).isFalse();
    }
}
