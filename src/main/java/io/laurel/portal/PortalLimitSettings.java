package io.laurel.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code laurel.portal.limits.*}: how often the public pages may be used, counted in the database so every
 * node enforces the same limit. Each limit is "{@code count} per {@code per}".
 *
 * @param mailRequestsPerIp code requests and customer recommendations (each sends a mail) per client address
 * @param mailsPerAddress   portal mails (codes, recommendation links) to one mailbox, whoever asks
 * @param votesPerIp        votes per client address
 */
@ConfigurationProperties("laurel.portal.limits")
record PortalLimitSettings(Limit mailRequestsPerIp, Limit mailsPerAddress, Limit votesPerIp) {

    static final int MAIL_REQUESTS_PER_IP = 5;
    static final int MAILS_PER_ADDRESS = 5;
    static final int VOTES_PER_IP = 30;

    PortalLimitSettings {
        mailRequestsPerIp = mailRequestsPerIp == null ? new Limit(MAIL_REQUESTS_PER_IP, Duration.ofMinutes(10))
                : mailRequestsPerIp;
        mailsPerAddress = mailsPerAddress == null ? new Limit(MAILS_PER_ADDRESS, Duration.ofHours(1)) : mailsPerAddress;
        votesPerIp = votesPerIp == null ? new Limit(VOTES_PER_IP, Duration.ofMinutes(10)) : votesPerIp;
    }

    record Limit(int count, Duration per) {

        Limit {
            if (count <= 0 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("A portal limit needs a positive count and period, not " + count
                        + " per " + per);
            }
        }

        /** "10 分钟" / "1 小时" for the Chinese refusal. */
        String periodText() {
            return per.toMinutes() % 60 == 0 && per.toMinutes() >= 60 ? per.toHours() + " 小时"
                    : per.toMinutes() + " 分钟";
        }
    }
}
