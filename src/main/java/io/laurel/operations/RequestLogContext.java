package io.laurel.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a request id (and, for a campaign's URL, the campaign id) into the logging context of every request, so
 * that each log line a request causes can be found again — in JSON logs ({@code logging.structured.format.console})
 * they appear as fields {@code requestId} and {@code campaignId}. A caller's (a proxy's) {@code X-Request-Id} is
 * kept when it looks like an id; the id is returned in the answer's {@code X-Request-Id} header either way.
 * Runs first, so that Spring Security's and Camunda's log lines carry the ids too. Jobs get the campaign id
 * from the engine instead ({@code logging-context-business-key}: the business key of Laurel's processes is the
 * campaign id).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogContext extends OncePerRequestFilter {

    static final String REQUEST_ID = "requestId";
    static final String CAMPAIGN_ID = "campaignId";
    static final String HEADER = "X-Request-Id";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** The API, the staff console and the portal all name a campaign the same way. */
    private static final Pattern CAMPAIGN_PATH = Pattern.compile("^/(?:api/|staff/)?campaigns/(\\d{1,18})(?:/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : newId();
        response.setHeader(HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        String campaignId = campaignIdOf(request.getRequestURI().substring(request.getContextPath().length()));
        if (campaignId != null) {
            MDC.put(CAMPAIGN_ID, campaignId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(CAMPAIGN_ID);
        }
    }

    /**
     * A random id in UUID form. Not {@code UUID.randomUUID()}: its SecureRandom is one lock for the whole JVM, and
     * under a burst of public votes the HTTP threads queued on it (benchmark P6's profile: the most contended
     * monitor of a vote request). A request id correlates log lines; it is no secret.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    static String campaignIdOf(String path) {
        Matcher m = CAMPAIGN_PATH.matcher(path);
        return m.matches() ? m.group(1) : null;
    }
}
