package io.laurel.scoring;

import io.laurel.campaign.Preset;
import io.laurel.unit.UnitRepository;
import io.laurel.web.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unit prizes of seed 001 (组织类奖项: 最佳团队奖, 最佳组织奖, 最具凝聚力奖, "数名" each), judged on the number of
 * entries a unit recommended, its promotion activity (forwards and readers of the WeChat posts), the ranking of
 * its entries and its guidance of its entrants. Laurel proposes, staff decide: each unit prize of the preset's
 * {@code unitPrizes} orders the units by one leading figure (preset value, see {@link #ORDERINGS}) with the
 * others as tie-breaks and proposes the first {@code unitPrizeProposals} (default 3); staff confirm or reject
 * each proposal (who and when are kept). A recomputation refreshes the figures and keeps every decision.
 */
@Component
public class UnitPrizes {

    static final String PROPOSED = "PROPOSED";
    static final String CONFIRMED = "CONFIRMED";
    static final String REJECTED = "REJECTED";

    /** A unit's figures. {@code meanFinalScore} and {@code bestPosition} over its ranked entries. */
    record UnitFigures(long unitId, int entries, BigDecimal meanFinalScore, Integer bestPosition, int forwards,
            int readers, BigDecimal guidanceScore) {
        long promotion() {
            return (long) forwards + readers;
        }
    }

    private static final Comparator<UnitFigures> BY_RANKING = Comparator
            .comparing(UnitFigures::meanFinalScore, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(UnitFigures::bestPosition, Comparator.nullsLast(Comparator.naturalOrder()));
    private static final Comparator<UnitFigures> BY_ENTRIES = Comparator
            .comparingInt(UnitFigures::entries).reversed();
    private static final Comparator<UnitFigures> BY_PROMOTION = Comparator
            .comparingLong(UnitFigures::promotion).reversed();
    private static final Comparator<UnitFigures> BY_GUIDANCE = Comparator
            .comparing(UnitFigures::guidanceScore, Comparator.reverseOrder());

    /**
     * Leading figure → full ordering (the other figures break ties, the unit id last):
     * {@code ranking} (本单位参赛作品的综合排名表现), {@code entries} (推荐参赛的人员数量),
     * {@code promotion} (协助推广宣传的积极度), {@code guidance} (指导并帮助本单位参赛人员完成比赛).
     */
    static final Map<String, Comparator<UnitFigures>> ORDERINGS = Map.of(
            "ranking", BY_RANKING.thenComparing(BY_ENTRIES).thenComparing(BY_PROMOTION).thenComparing(BY_GUIDANCE)
                    .thenComparingLong(UnitFigures::unitId),
            "entries", BY_ENTRIES.thenComparing(BY_PROMOTION).thenComparing(BY_RANKING).thenComparing(BY_GUIDANCE)
                    .thenComparingLong(UnitFigures::unitId),
            "promotion", BY_PROMOTION.thenComparing(BY_ENTRIES).thenComparing(BY_RANKING).thenComparing(BY_GUIDANCE)
                    .thenComparingLong(UnitFigures::unitId),
            "guidance", BY_GUIDANCE.thenComparing(BY_PROMOTION).thenComparing(BY_ENTRIES).thenComparing(BY_RANKING)
                    .thenComparingLong(UnitFigures::unitId));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final UnitRepository units;

    UnitPrizes(JdbcTemplate jdbc, Clock clock, UnitRepository units) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.units = units;
    }

    /** Staff record a unit's promotion activity (an input of the unit prizes). */
    @Transactional
    void recordActivity(long campaignId, long unitId, int forwards, int readers, BigDecimal guidanceScore,
            String note, String userId) {
        if (units.findById(unitId).filter(u -> u.getCampaignId() == campaignId).isEmpty()) {
            throw ApiException.notFound("单位不存在或不属于该活动: " + unitId);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update unit_activity set forwards = ?, readers = ?, guidance_score = ?, note = ?, "
                + "entered_by = ?, entered_at = ? where campaign_id = ? and unit_id = ?", forwards, readers,
                guidanceScore, note, userId, now, campaignId, unitId);
        if (updated == 0) {
            jdbc.update("insert into unit_activity (campaign_id, unit_id, forwards, readers, guidance_score, note, "
                    + "entered_by, entered_at) values (?, ?, ?, ?, ?, ?, ?, ?)", campaignId, unitId, forwards,
                    readers, guidanceScore, note, userId, now);
        }
    }

    /** Refreshes the proposals from the ranked entries; decided rows keep their decision. */
    @SuppressWarnings("unchecked")
    void propose(long campaignId, Preset preset, List<ScoreBlend.Result> results) {
        Map<String, String> awards = preset.rules().unitPrizesOrNone();
        if (awards.isEmpty()) {
            return;
        }
        int proposals = preset.rules().unitPrizeProposals() != null ? preset.rules().unitPrizeProposals() : 3;
        List<UnitFigures> figures = figures(campaignId, results);
        Map<String, Map<Long, String>> decided = new HashMap<>();
        jdbc.query("select award_code, unit_id, status from unit_prize where campaign_id = ? and status <> ?",
                rs -> {
                    decided.computeIfAbsent(rs.getString(1), a -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
                }, campaignId, PROPOSED);
        jdbc.update("delete from unit_prize where campaign_id = ? and status = ?", campaignId, PROPOSED);
        awards.forEach((award, leading) -> {
            Comparator<UnitFigures> order = ORDERINGS.get(leading);
            if (order == null) {
                throw new IllegalStateException("Unknown unit prize ordering '" + leading + "' for " + award);
            }
            List<UnitFigures> sorted = figures.stream().sorted(order).toList();
            Map<Long, String> done = decided.getOrDefault(award, Map.of());
            for (int i = 0; i < sorted.size(); i++) {
                UnitFigures f = sorted.get(i);
                if (done.containsKey(f.unitId())) {
                    jdbc.update("update unit_prize set proposal_rank = ?, entries = ?, mean_final_score = ?, "
                            + "best_position = ?, forwards = ?, readers = ?, guidance_score = ? "
                            + "where campaign_id = ? and award_code = ? and unit_id = ?", i + 1, f.entries(),
                            f.meanFinalScore(), f.bestPosition(), f.forwards(), f.readers(), f.guidanceScore(),
                            campaignId, award, f.unitId());
                } else if (i < proposals) {
                    jdbc.update("insert into unit_prize (campaign_id, award_code, unit_id, proposal_rank, entries, "
                            + "mean_final_score, best_position, forwards, readers, guidance_score, status) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", campaignId, award, f.unitId(), i + 1,
                            f.entries(), f.meanFinalScore(), f.bestPosition(), f.forwards(), f.readers(),
                            f.guidanceScore(), PROPOSED);
                }
            }
        });
    }

    /** Staff confirm or reject a proposal (over the API, now). */
    @Transactional
    void decide(long campaignId, String awardCode, long unitId, boolean confirm, String userId) {
        decide(campaignId, awardCode, unitId, confirm, userId, clock.instant());
    }

    /** Staff confirm or reject a proposal at {@code at} (the judging path's list confirmation: the engine's time). */
    @Transactional
    public void decide(long campaignId, String awardCode, long unitId, boolean confirm, String userId, Instant at) {
        int updated = jdbc.update("update unit_prize set status = ?, decided_by = ?, decided_at = ? "
                        + "where campaign_id = ? and award_code = ? and unit_id = ?", confirm ? CONFIRMED : REJECTED,
                userId, Timestamp.from(at), campaignId, awardCode, unitId);
        if (updated == 0) {
            throw ApiException.notFound("没有该单位的" + awardCode + "提名建议，请先计算结果: 单位 " + unitId);
        }
    }

    /** Figures of every unit with a ranked entry; units without recorded activity count 0. */
    static List<UnitFigures> figures(List<ScoreBlend.Result> results, Map<Long, int[]> activity,
            Map<Long, BigDecimal> guidance) {
        Map<Long, List<ScoreBlend.Result>> byUnit = results.stream().filter(r -> r.unitId() != null)
                .collect(Collectors.groupingBy(ScoreBlend.Result::unitId, TreeMap::new, Collectors.toList()));
        List<UnitFigures> figures = new ArrayList<>();
        byUnit.forEach((unit, list) -> {
            BigDecimal mean = list.stream().map(ScoreBlend.Result::finalScore).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(list.size()), ScoreBlend.SCALE, RoundingMode.HALF_UP);
            Integer best = list.stream().map(ScoreBlend.Result::position).min(Integer::compare).orElse(null);
            int[] a = activity.getOrDefault(unit, new int[] {0, 0});
            figures.add(new UnitFigures(unit, list.size(), mean, best, a[0], a[1],
                    guidance.getOrDefault(unit, BigDecimal.ZERO)));
        });
        return figures;
    }

    private List<UnitFigures> figures(long campaignId, List<ScoreBlend.Result> results) {
        Map<Long, int[]> activity = new HashMap<>();
        Map<Long, BigDecimal> guidance = new HashMap<>();
        jdbc.query("select unit_id, forwards, readers, guidance_score from unit_activity where campaign_id = ?", rs -> {
            activity.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
            guidance.put(rs.getLong(1), rs.getBigDecimal(4));
        }, campaignId);
        return figures(results, activity, guidance);
    }
}
