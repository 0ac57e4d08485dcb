package io.laurel.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brute-force protection by client instead of by account. Camunda's own protection delays and finally locks
 * the <em>account</em> after failed logins, so anyone could lock a committee member out before a vote by
 * sending wrong passwords (issue 15.6); that lock is switched off in application.yml ({@code login-*}
 * generic properties). Here a client (remote address) that failed {@code maxFailures} logins within
 * {@code window} is answered 429 for every further login — right or wrong password, so the throttle is no
 * oracle — until its oldest failure leaves the window. The account itself is never locked: its owner logs in
 * from any other client. In memory: each node counts its own clients (a cluster allows nodes × the limit).
 */
class LoginThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_CLIENTS = 50_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, Clock clock, ObjectMapper json) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presentsCredentials(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Instant now = clock.instant();
        Duration wait = blockedFor(client, now);
        if (wait != null) {
            refuse(response, wait);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            recordFailure(client, now);
        }
    }

    /** HTTP basic on the APIs, or the Camunda web apps' login form. */
    private static boolean presentsCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        return "POST".equals(request.getMethod()) && request.getRequestURI().contains("/auth/user/")
                && request.getRequestURI().contains("/login/");
    }

    /** How long the client must still wait, or null when it may try. */
    Duration blockedFor(String client, Instant now) {
        Deque<Instant> times = failures.get(client);
        if (times == null) {
            return null;
        }
        synchronized (times) {
            forgetOld(times, now);
            if (times.size() < maxFailures) {
                return null;
            }
            Duration wait = Duration.between(now, times.peekFirst().plus(window));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    void recordFailure(String client, Instant now) {
        if (failures.size() > MAX_CLIENTS) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    forgetOld(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times, now);
            times.addLast(now);
            if (times.size() == maxFailures) {
                log.warn("Client {} failed {} logins within {}; its logins are refused until the window passes",
                        client, maxFailures, window);
            }
        }
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant from = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(from)) {
            times.pollFirst();
        }
    }

    private void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.getSeconds())));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of(429, "too_many_login_failures",
                "此客户端登录失败次数过多,请 " + minutes + " 分钟后再试;账户本身未被锁定"));
    }
}
