package io.laurel.portal;

import io.laurel.campaign.CampaignService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fraud signals of the online vote, kept in {@code portal_vote_signal} for staff: a vote verified from a
 * disposable mail domain ({@code DISPOSABLE_EMAIL}, one row per vote) and {@link #BURST_VOTES} votes from one
 * address within {@link #BURST_WINDOW} ({@code BURST}, one row per address and window). The votes still count;
 * staff decide.
 */
@Component
class VoteSignals {

    static final int BURST_VOTES = 10;
    static final Duration BURST_WINDOW = Duration.ofMinutes(10);

    record Signal(Long id, String kind, String clientIp, String email, Long nominationId, String detail,
            Instant recordedAt) {
    }

    private final CampaignService campaigns;
    private final DisposableDomains disposable;
    private final JdbcTemplate jdbc;
    /**
     * Addresses this node knows to be flagged BURST (campaign + address → end of the flag's window, engine time):
     * while the flag lasts, a vote from that address has nothing to add, so the two look-ups are skipped. Only
     * flags this node saw are kept; a flag recorded by another node is found by the look-ups as before.
     */
    private final Map<String, Instant> flaggedUntil = new ConcurrentHashMap<>();

    VoteSignals(CampaignService campaigns, DisposableDomains disposable, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.disposable = disposable;
        this.jdbc = jdbc;
    }

    /** Looks at a vote just stored (in the caller's transaction) and records what looks like fraud. */
    void afterVote(Long campaignId, String email, Long nominationId, String ip, Instant now) {
        String domain = email.substring(email.indexOf('@') + 1);
        if (disposable.contains(domain)) {
            record(campaignId, "DISPOSABLE_EMAIL", ip, email, nominationId, "一次性邮箱域名 " + domain, now);
        }
        String key = campaignId + "/" + ip;
        Instant until = flaggedUntil.get(key);
        // Within [flag recorded, flag + window): the look-ups below would find the flag and do nothing. Inclusive
        // at the start: a vote in the flag's very instant (a clock that stands still, as in tests and benchmark P6,
        // or one of millisecond ticks) is within the window too.
        if (until != null && now.isBefore(until) && !now.isBefore(until.minus(BURST_WINDOW))) {
            return;
        }
        Timestamp from = Timestamp.from(now.minus(BURST_WINDOW));
        // Bounded look: at most BURST_VOTES index entries of (campaign, address, time), never all of them, so
        // the check costs the same at the 10th vote of an address and at its 10,000th.
        List<Integer> recent = jdbc.queryForList("select 1 from portal_vote where campaign_id = ? and client_ip = ? "
                + "and cast_at > ? order by cast_at desc limit " + BURST_VOTES, Integer.class,
                campaignId, ip, from);
        if (recent.size() < BURST_VOTES) {
            return;
        }
        List<Timestamp> flagged = jdbc.queryForList("select recorded_at from portal_vote_signal where campaign_id = ? "
                + "and kind = 'BURST' and client_ip = ? and recorded_at > ? order by recorded_at desc limit 1",
                Timestamp.class, campaignId, ip, from);
        if (!flagged.isEmpty()) {
            remember(key, flagged.get(0).toInstant().plus(BURST_WINDOW));
        } else {
            Integer voters = jdbc.queryForObject("select count(distinct email) from portal_vote where campaign_id = ? "
                    + "and client_ip = ? and cast_at > ?", Integer.class, campaignId, ip, from);
            record(campaignId, "BURST", ip, null, null, BURST_WINDOW.toMinutes() + " 分钟内同一地址投出 " + recent.size()
                    + " 票(" + voters + " 个邮箱)", now);
            // Remembered once the vote's transaction commits: a rolled-back flag must not silence the next look.
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        remember(key, now.plus(BURST_WINDOW));
                    }
                });
            }
        }
    }

    private void remember(String key, Instant until) {
        if (flaggedUntil.size() >= 100_000) {
            flaggedUntil.clear(); // bounds the map; the look-ups find the flags again
        }
        flaggedUntil.put(key, until);
    }

    @Transactional(readOnly = true)
    List<Signal> of(Long campaignId) {
        campaigns.get(campaignId);
        return jdbc.query("select id, kind, client_ip, email, nomination_id, detail, recorded_at from portal_vote_signal "
                        + "where campaign_id = ? order by id",
                (rs, i) -> new Signal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()), campaignId);
    }

    private void record(Long campaignId, String kind, String ip, String email, Long nominationId, String detail,
            Instant now) {
        jdbc.update("insert into portal_vote_signal (campaign_id, kind, client_ip, email, nomination_id, detail, "
                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?)", campaignId, kind, ip, email, nominationId, detail,
                Timestamp.from(now));
    }
}
