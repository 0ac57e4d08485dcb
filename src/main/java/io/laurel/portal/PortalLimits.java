package io.laurel.portal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.laurel.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Limits of the public pages: mails asked for per client address and per mailbox, votes per client address.
 * Token buckets of Bucket4j kept in the database ({@link PortalLimitStore}), so two nodes behind one load
 * balancer share one budget and a limit holds under parallel requests (each take locks its bucket row).
 * Over a limit the visitor gets 429 with a Chinese message saying what the limit is. Call these before the
 * caller's transaction: a bucket is taken in a connection and transaction of its own.
 */
@Component
class PortalLimits {

    private final ProxyManager<String> buckets;
    private final PortalLimitSettings settings;

    PortalLimits(PortalLimitStore store, PortalLimitSettings settings) {
        this.buckets = store.buckets();
        this.settings = settings;
    }

    /** A request that sends a mail (a code, a recommendation link) from {@code ip} to {@code mailbox}. */
    void mailRequest(long campaignId, String ip, String mailbox) {
        PortalLimitSettings.Limit perIp = settings.mailRequestsPerIp();
        if (!take("mail-ip:" + campaignId + ":" + ip, perIp)) {
            throw tooMany("验证码请求过于频繁:同一网络地址 " + perIp.periodText() + "内最多 " + perIp.count()
                    + " 次,请稍后再试");
        }
        PortalLimitSettings.Limit perMailbox = settings.mailsPerAddress();
        if (!take("mail-to:" + campaignId + ":" + mailbox, perMailbox)) {
            throw tooMany("该邮箱收到的邮件过多:同一邮箱 " + perMailbox.periodText() + "内最多收到 "
                    + perMailbox.count() + " 封验证邮件,请稍后再试");
        }
    }

    void vote(long campaignId, String ip) {
        PortalLimitSettings.Limit perIp = settings.votesPerIp();
        if (!take("vote-ip:" + campaignId + ":" + ip, perIp)) {
            throw tooMany("投票过于频繁:同一网络地址 " + perIp.periodText() + "内最多 " + perIp.count()
                    + " 票,请稍后再试");
        }
    }

    PortalLimitSettings settings() {
        return settings;
    }

    private boolean take(String key, PortalLimitSettings.Limit limit) {
        // Keys are bounded by the id column; an over-long address is refused by the caller's checks anyway.
        String id = key.length() > 255 ? key.substring(0, 255) : key;
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.count()).refillIntervally(limit.count(), limit.per())
                        .build())
                .build();
        return buckets.builder().build(id, () -> configuration).tryConsume(1);
    }

    private static ApiException tooMany(String message) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", message, null);
    }
}
