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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public online vote. A visitor proves an email address with a mailed code (valid for the day it is
 * entered on), then gives at most one vote per entry per day; votes are kept one row each in
 * {@code portal_vote} and after every vote the portal's tally replaces the {@code portal} counts of
 * {@link OnlineVoteCounts}, where scoring reads them. Counts are shown to the public only once the window
 * has closed.
 */
@Service
class PortalVotes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A verified voter: the email proved by a code, and the day (campaign zone) the proof is good for. */
    record Voter(String email, LocalDate day) implements java.io.Serializable {
    }

    private final PresetCatalog presets;
    private final VoteEntries entries;
    private final VoteSignals signals;
    private final OneTimeCodes codes;
    private final PortalLimits limits;
    private final OnlineVoteCounts counts;
    private final JdbcTemplate jdbc;
    private final PortalTime time;

    PortalVotes(PresetCatalog presets, VoteEntries entries, VoteSignals signals, OneTimeCodes codes,
            PortalLimits limits, OnlineVoteCounts counts, JdbcTemplate jdbc, PortalTime time) {
        this.presets = presets;
        this.entries = entries;
        this.signals = signals;
        this.codes = codes;
        this.limits = limits;
        this.counts = counts;
        this.jdbc = jdbc;
        this.time = time;
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
        return tally(campaign.getId());
    }

    /** Mails a code to the voter's address. */
    @Transactional
    void requestCode(Campaign campaign, String email, String ip) {
        requireOpen(campaign);
        String address = normalised(email);
        limits.codeRequest(ip);
        codes.issue(campaign.getId(), campaign.getName(), OneTimeCodes.Purpose.VOTE, address, address, ip);
    }

    /** Checks the voter's code; the answer is kept in the visitor's session for the rest of the day. */
    @Transactional
    Voter verify(Campaign campaign, String email, String code) {
        requireOpen(campaign);
        String address = normalised(email);
        codes.spend(campaign.getId(), OneTimeCodes.Purpose.VOTE, address, code);
        return new Voter(address, today(campaign));
    }

    @Transactional
    VoteEntries.Entry cast(Campaign campaign, Voter voter, Long nominationId, String ip) {
        requireOpen(campaign);
        if (voter == null || !voter.day().equals(today(campaign))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "请先验证邮箱(验证当天有效):填写邮箱,获取并输入验证码后再投票", "email");
        }
        VoteEntries.Entry entry = entries.of(campaign).stream().filter(e -> e.nominationId().equals(nominationId))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("nominationId", "没有这个参评作品: " + nominationId));
        limits.vote(ip);
        LocalDate day = today(campaign);
        Integer already = jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ? and "
                + "nomination_id = ? and email = ? and vote_date = ?", Integer.class, campaign.getId(), nominationId,
                voter.email(), Date.valueOf(day));
        if (already != null && already > 0) {
            throw ApiException.conflict("您今天已为「" + entry.candidateName() + "」投过票:每个邮箱每天只能为同一作品投一票,请明天再来");
        }
        Instant now = time.now();
        // The unique key (campaign, entry, email, day) still refuses a second vote racing this one.
        jdbc.update("insert into portal_vote (campaign_id, nomination_id, email, vote_date, client_ip, cast_at) "
                + "values (?, ?, ?, ?, ?, ?)", campaign.getId(), nominationId, voter.email(), Date.valueOf(day), ip,
                Timestamp.from(now));
        signals.afterVote(campaign.getId(), voter.email(), nominationId, ip, now);
        counts.replace(campaign.getId(), OnlineVoteCounts.PORTAL, tally(campaign.getId()));
        return entry;
    }

    private Map<Long, Long> tally(Long campaignId) {
        Map<Long, Long> tally = new LinkedHashMap<>();
        jdbc.query("select nomination_id, count(*) from portal_vote where campaign_id = ? group by nomination_id "
                + "order by nomination_id", rs -> {
                    tally.put(rs.getLong(1), rs.getLong(2));
                }, campaignId);
        return tally;
    }

    private void requireOpen(Campaign campaign) {
        VoteWindow window = window(campaign)
                .orElseThrow(() -> ApiException.notFound("活动「" + campaign.getName() + "」没有网络投票"));
        String span = "投票时间为 " + WHEN.format(window.opensAt()) + " 至 " + WHEN.format(window.closesAt())
                + " (" + campaign.getTimeZone() + ")";
        switch (window.at(time.nowIn(campaign.zoneId()))) {
            case BEFORE -> throw ApiException.conflict("投票尚未开始:" + span);
            case CLOSED -> throw ApiException.conflict("投票已结束:" + span);
            default -> {
            }
        }
    }

    private static String normalised(String email) {
        ApiException.requireText(email, "email", "邮箱");
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (!PortalNominations.EMAIL.matcher(address).matches() || address.length() > 200) {
            throw ApiException.badRequest("email", "邮箱格式不正确: " + email.trim());
        }
        return address;
    }
}
