package io.laurel.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code laurel.mail.*}: sender address and the retry policy of the outbox.
 *
 * @param from  the From header of every mail
 * @param retry how often due mails are looked for, and how many attempts a mail gets before FAILED
 */
@ConfigurationProperties("laurel.mail")
public record MailProperties(String from, Retry retry) {

    public MailProperties {
        retry = retry == null ? new Retry(null, 0, null) : retry;
    }

    public record Retry(Duration pollInterval, int maxAttempts, Duration lease) {

        public Retry {
            pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
            maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
        }

        /** Back-off before attempt {@code attempt + 1}: 1, 2, 4 ... minutes, at most 6 hours. */
        Duration backoff(int attempt) {
            long minutes = 1L << Math.min(attempt - 1, 9);
            return Duration.ofMinutes(Math.min(minutes, 360));
        }
    }
}
