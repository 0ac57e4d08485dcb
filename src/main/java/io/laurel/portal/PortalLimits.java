package io.laurel.portal;

import io.laurel.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Per-IP limits of the public pages: code requests (each sends a mail) and votes. Over the limit the
 * visitor gets 429 with a Chinese message saying how long to wait.
 */
@Component
class PortalLimits {

    static final int CODES_PER_IP = 5;
    static final int VOTES_PER_IP = 30;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final RateLimiter codes = new RateLimiter(CODES_PER_IP, WINDOW);
    private final RateLimiter votes = new RateLimiter(VOTES_PER_IP, WINDOW);
    private final PortalTime time;

    PortalLimits(PortalTime time) {
        this.time = time;
    }

    void codeRequest(String ip) {
        if (!codes.tryAcquire(ip, time.now())) {
            throw tooMany("验证码请求过于频繁:同一网络地址 " + WINDOW.toMinutes() + " 分钟内最多 " + CODES_PER_IP
                    + " 次,请稍后再试");
        }
    }

    void vote(String ip) {
        if (!votes.tryAcquire(ip, time.now())) {
            throw tooMany("投票过于频繁:同一网络地址 " + WINDOW.toMinutes() + " 分钟内最多 " + VOTES_PER_IP
                    + " 票,请稍后再试");
        }
    }

    private static ApiException tooMany(String message) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", message, null);
    }
}
