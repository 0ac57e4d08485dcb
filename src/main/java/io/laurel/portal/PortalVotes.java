package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.PresetCatalog;
import io.laurel.files.FileStore;
import io.laurel.intake.validation.FileKind;
import io.laurel.intake.validation.MediaInspector;
import io.laurel.nomination.Material;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.onlinevote.OnlineVoteCounts;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import io.laurel.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public online vote. A visitor proves an email address with a mailed code (valid for the day it is
 * entered on), then gives at most one vote per entry per day; votes are kept one row each in
 * {@code portal_vote} and after every vote the portal's tally replaces the {@code portal} counts of
 * {@link OnlineVoteCounts}, where scoring reads them. Counts are shown to the public only once the window
 * has closed. Bursts from one address and disposable mail domains are recorded as signals for staff.
 */
@Service
class PortalVotes {

    /** This many votes from one address within {@link #BURST_WINDOW} is a burst (recorded once per window). */
    static final int BURST_VOTES = 10;
    static final Duration BURST_WINDOW = Duration.ofMinutes(10);
    static final int SUMMARY_CHARS = 120;
    private static final Set<NominationStatus> NOT_ENTRIES = Set.of(NominationStatus.INELIGIBLE,
            NominationStatus.DROPPED, NominationStatus.WITHDRAWN, NominationStatus.REVOKED);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record Entry(Long nominationId, String candidateName, String unitName, String awardName, String summary,
            Long photoId) {
    }

    /** A verified voter: the email proved by a code, and the day (campaign zone) the proof is good for. */
    record Voter(String email, LocalDate day) {
    }

    record Signal(Long id, String kind, String clientIp, String email, Long nominationId, String detail,
            Instant recordedAt) {
    }

    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final NominationRepository nominations;
    private final MaterialRepository materials;
    private final UnitRepository units;
    private final FileStore files;
    private final MediaInspector inspector;
    private final OneTimeCodes codes;
    private final PortalLimits limits;
    private final OnlineVoteCounts counts;
    private final DisposableDomains disposable;
    private final JdbcTemplate jdbc;
    private final PortalTime time;

    PortalVotes(CampaignService campaigns, PresetCatalog presets, NominationRepository nominations,
            MaterialRepository materials, UnitRepository units, FileStore files, MediaInspector inspector,
            OneTimeCodes codes, PortalLimits limits, OnlineVoteCounts counts, DisposableDomains disposable,
            JdbcTemplate jdbc, PortalTime time) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.nominations = nominations;
        this.materials = materials;
        this.units = units;
        this.files = files;
        this.inspector = inspector;
        this.codes = codes;
        this.limits = limits;
        this.counts = counts;
        this.disposable = disposable;
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

    @Transactional(readOnly = true)
    List<Entry> entries(Campaign campaign) {
        Map<Long, String> unitNames = units.findByCampaignIdOrderByName(campaign.getId()).stream()
                .collect(Collectors.toMap(Unit::getId, Unit::getName));
        return nominations.findByCampaignIdOrderById(campaign.getId()).stream()
                .filter(n -> !NOT_ENTRIES.contains(n.getStatus()))
                .map(n -> {
                    String award = campaign.award(n.getAwardCode()).map(a -> a.getName()).orElse(n.getAwardCode());
                    String unit = n.getUnitId() == null ? null : unitNames.get(n.getUnitId());
                    return new Entry(n.getId(), n.getCandidateName(), unit, award, summary(n, unit, award),
                            photo(n).map(Material::getId).orElse(null));
                }).toList();
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
    Entry cast(Campaign campaign, Voter voter, Long nominationId, String ip) {
        requireOpen(campaign);
        if (voter == null || !voter.day().equals(today(campaign))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "请先验证邮箱(验证当天有效):填写邮箱,获取并输入验证码后再投票", "email");
        }
        Entry entry = entries(campaign).stream().filter(e -> e.nominationId().equals(nominationId)).findFirst()
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
        jdbc.update("insert into portal_vote (campaign_id, nomination_id, email, vote_date, client_ip, cast_at) "
                + "values (?, ?, ?, ?, ?, ?)", campaign.getId(), nominationId, voter.email(), Date.valueOf(day), ip,
                Timestamp.from(now));
        recordSignals(campaign.getId(), voter.email(), nominationId, ip, now);
        counts.replace(campaign.getId(), OnlineVoteCounts.PORTAL, tally(campaign.getId()));
        return entry;
    }

    @Transactional(readOnly = true)
    List<Signal> signals(Long campaignId) {
        campaigns.get(campaignId);
        return jdbc.query("select id, kind, client_ip, email, nomination_id, detail, recorded_at from portal_vote_signal "
                        + "where campaign_id = ? order by id",
                (rs, i) -> new Signal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant()), campaignId);
    }

    /** The photo of an entry for the vote page, if it has one whose bytes really are an image. */
    Optional<Photo> photo(Campaign campaign, Long materialId) {
        return materials.findById(materialId).filter(m -> m.getCampaignId().equals(campaign.getId()))
                .filter(m -> "photo".equals(m.getKind())).flatMap(m -> {
                    FileKind kind = kindOf(m);
                    return kind.isImage() ? Optional.of(new Photo(m, kind)) : Optional.empty();
                });
    }

    record Photo(Material material, FileKind kind) {
    }

    private Map<Long, Long> tally(Long campaignId) {
        Map<Long, Long> tally = new LinkedHashMap<>();
        jdbc.query("select nomination_id, count(*) from portal_vote where campaign_id = ? group by nomination_id "
                + "order by nomination_id", rs -> {
                    tally.put(rs.getLong(1), rs.getLong(2));
                }, campaignId);
        return tally;
    }

    private void recordSignals(Long campaignId, String email, Long nominationId, String ip, Instant now) {
        String domain = email.substring(email.indexOf('@') + 1);
        if (disposable.contains(domain)) {
            signal(campaignId, "DISPOSABLE_EMAIL", ip, email, nominationId, "一次性邮箱域名 " + domain, now);
        }
        Timestamp from = Timestamp.from(now.minus(BURST_WINDOW));
        Integer recent = jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ? and client_ip = ? "
                + "and cast_at > ?", Integer.class, campaignId, ip, from);
        Integer flagged = jdbc.queryForObject("select count(*) from portal_vote_signal where campaign_id = ? and "
                + "kind = 'BURST' and client_ip = ? and recorded_at > ?", Integer.class, campaignId, ip, from);
        if (recent != null && recent >= BURST_VOTES && (flagged == null || flagged == 0)) {
            Integer voters = jdbc.queryForObject("select count(distinct email) from portal_vote where campaign_id = ? "
                    + "and client_ip = ? and cast_at > ?", Integer.class, campaignId, ip, from);
            signal(campaignId, "BURST", ip, null, null, BURST_WINDOW.toMinutes() + " 分钟内同一地址投出 " + recent
                    + " 票(" + voters + " 个邮箱)", now);
        }
    }

    private void signal(Long campaignId, String kind, String ip, String email, Long nominationId, String detail,
            Instant now) {
        jdbc.update("insert into portal_vote_signal (campaign_id, kind, client_ip, email, nomination_id, detail, "
                + "recorded_at) values (?, ?, ?, ?, ?, ?, ?)", campaignId, kind, ip, email, nominationId, detail,
                Timestamp.from(now));
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

    private Optional<Material> photo(Nomination n) {
        return materials.findByNominationIdOrderById(n.getId()).stream()
                .filter(m -> "photo".equals(m.getKind())).findFirst();
    }

    private FileKind kindOf(Material m) {
        try (InputStream in = files.open(m.getStorageLocation())) {
            return inspector.detect(in, "");
        } catch (IOException e) {
            return FileKind.UNKNOWN;
        }
    }

    private static String summary(Nomination n, String unit, String award) {
        String text = n.getReason() != null && !n.getReason().isBlank() ? n.getReason().strip()
                : (unit == null ? "" : unit + "推荐,") + "参评「" + award + "」";
        return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "…";
    }
}
