package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.PresetCatalog;
import io.laurel.onlinevote.OnlineVoteCounts;
import io.laurel.web.ApiException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public online vote. A visitor proves an email address with a mailed code (valid for the day it is
 * entered on), then gives at most one vote per entry per day; votes are kept one row each in
 * {@code portal_vote} and each is counted in {@link OnlineVoteCounts} (sharded counters, same transaction),
 * where scoring reads them. Counts are shown to the public only once the window has closed. Voters are
 * mailboxes ({@link VoterAddress}): tag and dot variants of one mailbox are one voter.
 */
@Service
class PortalVotes {

    private static final int MAX_ATTEMPTS = 3;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A verified voter: the email proved by a code, and the day (campaign zone) the proof is good for. */
    record Voter(String email, LocalDate day) implements java.io.Serializable {
    }

    private final PresetCatalog presets;
    private final VotingCampaigns campaigns;
    private final VoteEntries entries;
    private final VoteSignals signals;
    private final OneTimeCodes codes;
    private final PortalLimits limits;
    private final OnlineVoteCounts counts;
    private final JdbcTemplate jdbc;
    private final PortalTime time;
    private final TransactionTemplate tx;

    PortalVotes(PresetCatalog presets, VotingCampaigns campaigns, VoteEntries entries, VoteSignals signals,
            OneTimeCodes codes, PortalLimits limits, OnlineVoteCounts counts, JdbcTemplate jdbc, PortalTime time,
            PlatformTransactionManager transactions) {
        this.presets = presets;
        this.campaigns = campaigns;
        this.entries = entries;
        this.signals = signals;
        this.codes = codes;
        this.limits = limits;
        this.counts = counts;
        this.jdbc = jdbc;
        this.time = time;
        this.tx = new TransactionTemplate(transactions);
    }

    Optional<VoteWindow> window(Campaign campaign) {
        return VoteWindow.of(campaign, presets.fromJson(campaign.getPresetSnapshot()));
    }

    VoteWindow.State state(Campaign campaign) {
        return window(campaign).map(w -> w.at(time.nowIn(campaign.zoneId())))
                .orElseThrow(() -> ApiException.notFound("活动「" + campaign.getName() + "」没有网络投票"));
    }

    LocalDate today(Campaign campaign) {
        return time.nowIn(campaign.zoneId()).toLocalDate();
    }

    /** Votes per entry, for the public only after the window closed. */
    @Transactional(readOnly = true)
    Map<Long, Long> publicCounts(Campaign campaign) {
        if (state(campaign) != VoteWindow.State.CLOSED) {
            throw ApiException.conflict("投票进行中,票数在投票结束后公布");
        }
        return counts.bySource(campaign.getId(), OnlineVoteCounts.PORTAL);
    }

    /**
     * Mails a code to the voter's address. The limits are taken first, outside the transaction (each takes a
     * connection of its own; inside, a burst of requests could hold every pooled connection and wait for one
     * more). The code goes to the address as typed; the voter is the normalised mailbox.
     */
    void requestCode(Campaign campaign, String email, String ip) {
        requestCode(campaigns.of(campaign), email, ip);
    }

    /** The same for the campaign as the vote endpoints keep it ({@link VotingCampaigns}). */
    void requestCode(VotingCampaigns.VotingCampaign campaign, String email, String ip) {
        requireOpen(campaign);
        String voter = VoterAddress.normalise(email);
        limits.mailRequest(campaign.id(), ip, voter);
        tx.executeWithoutResult(s -> codes.issue(campaign.id(), campaign.name(), OneTimeCodes.Purpose.VOTE,
                voter, email.trim(), ip));
    }

    /** Checks the voter's code; the answer is kept in the visitor's session for the rest of the day. */
    Voter verify(Campaign campaign, String email, String code) {
        requireOpen(campaigns.of(campaign));
        String voter = VoterAddress.normalise(email);
        codes.spend(campaign.getId(), OneTimeCodes.Purpose.VOTE, voter, code);
        return new Voter(voter, today(campaign));
    }

    /**
     * Stores one vote and counts it. The cost does not depend on the votes already cast: a point lookup and an
     * insert on the unique key (campaign, entry, email, day), one increment of a sharded counter, and the
     * signals' bounded look at this address's recent votes. Of two racing identical votes the unique key lets
     * one in; the other answers 409 like any repeated vote.
     */
    VoteEntries.Entry cast(Campaign campaign, Voter voter, Long nominationId, String ip) {
        return cast(campaigns.of(campaign), voter, nominationId, ip);
    }

    /**
     * The same for the campaign as the vote endpoints keep it ({@link VotingCampaigns}): besides the limit's
     * bucket and the vote's own transaction, one primary-key SELECT of the entry; nothing else is read.
     */
    VoteEntries.Entry cast(VotingCampaigns.VotingCampaign campaign, Voter voter, Long nominationId, String ip) {
        requireOpen(campaign);
        LocalDate day = time.nowIn(campaign.zone()).toLocalDate();
        if (voter == null || !voter.day().equals(day)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "请先验证邮箱(验证当天有效):填写邮箱,获取并输入验证码后再投票", "email");
        }
        VoteEntries.Entry entry = entries.entry(campaign, nominationId)
                .orElseThrow(() -> ApiException.badRequest("nominationId", "没有这个参评作品: " + nominationId));
        limits.vote(campaign.id(), ip);
        for (int attempt = 1; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> store(campaign.id(), entry, voter.email(), day, ip));
                return entry;
            } catch (DuplicateKeyException racedBySameVote) {
                throw alreadyVoted(entry);
            } catch (PessimisticLockingFailureException deadlockOrLockTimeout) {
                // InnoDB may pick a vote as deadlock victim when identical votes queue on one key and the first
                // rolls back; once more, and the point lookup sees whichever vote won.
                if (attempt == MAX_ATTEMPTS) {
                    throw deadlockOrLockTimeout;
                }
            }
        }
    }

    private void store(Long campaignId, VoteEntries.Entry entry, String email, LocalDate day, String ip) {
        Integer already = jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ? and "
                + "nomination_id = ? and email = ? and vote_date = ?", Integer.class, campaignId, entry.nominationId(),
                email, Date.valueOf(day));
        if (already != null && already > 0) {
            throw alreadyVoted(entry);
        }
        Instant now = time.now();
        // The unique key (campaign, entry, email, day) refuses a second vote racing this one: DuplicateKeyException.
        jdbc.update("insert into portal_vote (campaign_id, nomination_id, email, vote_date, client_ip, cast_at) "
                + "values (?, ?, ?, ?, ?, ?)", campaignId, entry.nominationId(), email, Date.valueOf(day), ip,
                Timestamp.from(now));
        counts.countPortalVote(campaignId, entry.nominationId());
        signals.afterVote(campaignId, email, entry.nominationId(), ip, now);
    }

    private static ApiException alreadyVoted(VoteEntries.Entry entry) {
        return ApiException.conflict("您今天已为「" + entry.candidateName() + "」投过票:每个邮箱每天只能为同一作品投一票,请明天再来");
    }

    private void requireOpen(VotingCampaigns.VotingCampaign campaign) {
        VoteWindow window = campaign.window()
                .orElseThrow(() -> ApiException.notFound("活动「" + campaign.name() + "」没有网络投票"));
        String span = "投票时间为 " + WHEN.format(window.opensAt()) + " 至 " + WHEN.format(window.closesAt())
                + " (" + campaign.timeZone() + ")";
        switch (window.at(time.nowIn(campaign.zone()))) {
            case BEFORE -> throw ApiException.conflict("投票尚未开始:" + span);
            case CLOSED -> throw ApiException.conflict("投票已结束:" + span);
            default -> {
            }
        }
    }
}
