package io.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.support.LaurelTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** EntryRanking on the real application context: DMN weights and vote points, quotas, stored results. */
@LaurelTest
class EntryRankingServiceTest {

    @Autowired
    EntryRanking ranking;
    @Autowired
    ScoringFixture fixture;
    @Autowired
    ScoringSettings settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AssociationResults results;

    record Stored(BigDecimal finalScore, int position, String prizes, String normalisation, int voteRank,
            BigDecimal votePoints) {
    }

    @Test
    void essayTableIsRankedWithPrizesAndRecomputedWithZScore() {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        List<Long> ids = fixture.essayTable(campaign);

        ranking.rankCampaign(campaign.getId());

        Map<Long, Stored> stored = stored(campaign);
        for (ScoreBlendTest.Expected e : ScoreBlendTest.PLAIN) {
            Stored s = stored.get(ids.get((int) e.entry() - 1));
            assertThat(s.finalScore()).as("final of %s", e.entry()).isEqualByComparingTo(e.finalScore());
            assertThat(s.position()).as("position of %s", e.entry()).isEqualTo(e.position());
            assertThat(s.normalisation()).isEqualTo("none");
        }
        // Quotas from award-quota: positions 1-2 一等奖, 3-8 二等奖, 9-12 三等奖 (12 prizes, only 4 entries left).
        assertThat(prizesByPosition(stored)).containsExactly("first-prize", "first-prize", "second-prize",
                "second-prize", "second-prize", "second-prize", "second-prize", "second-prize", "third-prize",
                "third-prize", "third-prize", "third-prize");
        // Vote prizes: 500 votes (entry 1) 最佳人气奖; entries 2 and 3 share 420, entry 3 has the better final score.
        assertThat(stored.get(ids.get(0)).prizes()).isEqualTo("second-prize,popularity");
        assertThat(stored.get(ids.get(2)).prizes()).isEqualTo("first-prize,style");
        assertThat(stored.get(ids.get(1)).prizes()).isEqualTo("third-prize,image");
        assertThat(stored.get(ids.get(3)).prizes()).isEqualTo("third-prize,creativity");
        assertThat(stored.get(ids.get(2)).voteRank()).isEqualTo(2);
        assertThat(stored.get(ids.get(2)).votePoints()).isEqualByComparingTo("18");
        Map<String, Object> run = jdbc.queryForMap("select * from ranking_run where campaign_id = ? order by id desc "
                + "limit 1", campaign.getId());
        assertThat(value(run, "weights_decision")).asString().startsWith("score-weights:");
        assertThat(value(run, "vote_points_decision")).asString().startsWith("vote-points:");
        assertThat(value(run, "quota_decision")).asString().startsWith("award-quota:");
        assertThat(value(run, "weights")).asString().isEqualTo("{\"expert\":0.7,\"audience\":0.1,\"onlineVote\":0.2}");
        assertThat(value(run, "full_marks")).asString()
                .isEqualTo("{\"expert\":100.0,\"audience\":100.0,\"onlineVote\":20.0}");

        settings.choose(campaign.getId(), Normalisation.Z_SCORE, "chenjing");
        ranking.rankCampaign(campaign.getId());
        ranking.rankCampaign(campaign.getId());

        Map<Long, Stored> z = stored(campaign);
        assertThat(z).hasSize(12);
        for (ScoreBlendTest.Expected e : ScoreBlendTest.Z_SCORE) {
            Stored s = z.get(ids.get((int) e.entry() - 1));
            assertThat(s.finalScore()).as("z final of %s", e.entry()).isEqualByComparingTo(e.finalScore());
            assertThat(s.position()).as("z position of %s", e.entry()).isEqualTo(e.position());
            assertThat(s.normalisation()).isEqualTo("z-score");
        }
        assertThat(z.get(ids.get(5)).prizes()).isEqualTo("first-prize");
    }

    @Test
    void fewerEntriesThanPrizesLeavesTheLastPrizesShort() {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        var unit = fixture.unit(campaign, "单位一");
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = fixture.entry(campaign, "entry", "作品" + i, unit,
                    java.time.Instant.parse("2018-11-01T00:00:00Z").plusSeconds(i)).getId();
            fixture.score(campaign, ids[i], "e1", "expert", Map.of("content", 20 + i, "thought", 30, "innovation", 5));
            fixture.score(campaign, ids[i], "a1", "audience", Map.of("content", 20, "thought", 30, "innovation", 5));
        }

        ranking.rankCampaign(campaign.getId());

        Map<Long, Stored> stored = stored(campaign);
        assertThat(prizesByPosition(stored)).containsExactly("first-prize", "first-prize", "second-prize");
        assertThat(stored.get(ids[2]).position()).isEqualTo(1);
        // Nobody voted: no vote prize, everyone shares rank 1 (20 points) — and the results say so.
        assertThat(stored.values()).allSatisfy(s -> assertThat(s.voteRank()).isEqualTo(1));
        assertThat(results.of(campaign.getId(), true).warnings()).containsExactly(
                "尚未导入网络投票：所有作品票数为0，并列第1名，网络投票得分相同");

        long unscored = fixture.entry(campaign, "entry", "迟到作品", unit,
                java.time.Instant.parse("2018-11-02T00:00:00Z")).getId();
        fixture.score(campaign, unscored, "a1", "audience", Map.of("content", 20, "thought", 30, "innovation", 5));
        ranking.rankCampaign(campaign.getId());
        assertThat(results.of(campaign.getId(), true).warnings()).contains(
                "专家评委组未评分、该项按0分计的作品：迟到作品（" + unscored + "）");
    }

    /**
     * influential-cc-2020: the composite is Σ indicator weight × the experts' mean for the indicator (weights of
     * score-weights sum to 1). By hand: A scored 80 by one expert and 90 by the other on every indicator → 85;
     * B 70 everywhere but 客户满意度 (weight 0.10) 100 → 70 + 0.10 × 30 = 73; C 60 everywhere but 公司决策人影响力
     * (weight 0.06) 100 → 60 + 0.06 × 40 = 62.4. No quota (seed 003): a ranked list, no prize.
     */
    @Test
    void influentialCcCompositeIsTheWeightedMeanOfTheIndicators() {
        Campaign campaign = fixture.campaign("influential-cc-2020");
        List<String> indicators = indicators(campaign);
        assertThat(indicators).hasSize(15);
        java.time.Instant t = java.time.Instant.parse("2020-05-01T00:00:00Z");
        long c = fixture.entry(campaign, "influential-cc", "丙公司呼叫中心", fixture.unit(campaign, "丙公司"), t).getId();
        long b = fixture.entry(campaign, "influential-cc", "乙公司客服中心", fixture.unit(campaign, "乙公司"), t).getId();
        long a = fixture.entry(campaign, "influential-cc", "甲公司客户联络中心", fixture.unit(campaign, "甲公司"), t).getId();
        for (String indicator : indicators) {
            fixture.score(campaign, a, "x1", "expert", Map.of(indicator, 80));
            fixture.score(campaign, a, "x2", "expert", Map.of(indicator, 90));
            int bPoints = indicator.equals("customer-satisfaction") ? 100 : 70;
            fixture.score(campaign, b, "x1", "expert", Map.of(indicator, bPoints));
            fixture.score(campaign, b, "x2", "expert", Map.of(indicator, bPoints));
            int cPoints = indicator.equals("leadership") ? 100 : 60;
            fixture.score(campaign, c, "x1", "expert", Map.of(indicator, cPoints));
            fixture.score(campaign, c, "x2", "expert", Map.of(indicator, cPoints));
        }

        ranking.rankCampaign(campaign.getId());

        Map<Long, Stored> stored = stored(campaign);
        assertThat(stored.get(a).finalScore()).isEqualByComparingTo("85");
        assertThat(stored.get(b).finalScore()).isEqualByComparingTo("73");
        assertThat(stored.get(c).finalScore()).isEqualByComparingTo("62.4");
        assertThat(List.of(stored.get(a).position(), stored.get(b).position(), stored.get(c).position()))
                .containsExactly(1, 2, 3);
        assertThat(stored.values()).allSatisfy(s -> assertThat(s.prizes()).isNull());
        // The seed gives no weights and staff changed none: the results say these are Laurel's defaults.
        assertThat(results.of(campaign.getId(), false).weightsNote())
                .contains("未规定各项指标的权重", "Laurel 的默认权重", "score-weights:");
    }

    /**
     * most-beautiful-cs-2019: panel 0.8 (of 100) + online vote 0.2 (of 20 points: a full vote adds 20), ranked and
     * vote-ranked per award. elite-cs: X panel (80 + 90) / 2 = 85, 10 votes (1st, 20) → 68 + 20 = 88; Y (88 + 92) / 2
     * = 90, 5 votes (2nd, 18) → 72 + 18 = 90. trainer: Z 70, 1 vote — 1st in its own award (20) → 56 + 20 = 76.
     */
    @Test
    void mostBeautifulRanksEachAwardByPanelAndVote() {
        Campaign campaign = fixture.campaign("most-beautiful-cs-2019");
        var unit = fixture.unit(campaign, "某某企业");
        java.time.Instant t = java.time.Instant.parse("2020-01-05T00:00:00Z");
        long x = fixture.entry(campaign, "elite-cs", "张三", unit, t).getId();
        long y = fixture.entry(campaign, "elite-cs", "李四", unit, t).getId();
        long z = fixture.entry(campaign, "trainer", "王五", unit, t).getId();
        fixture.score(campaign, x, "p1", "panel", Map.of("score", 80));
        fixture.score(campaign, x, "p2", "panel", Map.of("score", 90));
        fixture.score(campaign, y, "p1", "panel", Map.of("score", 88));
        fixture.score(campaign, y, "p2", "panel", Map.of("score", 92));
        fixture.score(campaign, z, "p1", "panel", Map.of("score", 70));
        fixture.score(campaign, z, "p2", "panel", Map.of("score", 70));
        fixture.votes.replace(campaign.getId(), io.laurel.onlinevote.OnlineVoteCounts.IMPORT,
                Map.of(x, 10L, y, 5L, z, 1L));

        ranking.rankCampaign(campaign.getId());

        Map<Long, Stored> stored = stored(campaign);
        assertThat(stored.get(x).finalScore()).isEqualByComparingTo("88");
        assertThat(stored.get(y).finalScore()).isEqualByComparingTo("90");
        assertThat(stored.get(z).finalScore()).isEqualByComparingTo("76");
        assertThat(stored.get(y).position()).isEqualTo(1);
        assertThat(stored.get(x).position()).isEqualTo(2);
        assertThat(stored.get(z).position()).isEqualTo(1);
        assertThat(stored.get(z).voteRank()).isEqualTo(1);
        assertThat(jdbc.queryForList("select ranking_group from entry_result where campaign_id = ? order by "
                + "nomination_id", String.class, campaign.getId())).containsExactly("elite-cs", "elite-cs", "trainer");
    }

    @Test
    void anEntryWithoutAUnitCountsForNoUnitPrize() {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        var unit = fixture.unit(campaign, "单位甲");
        long fromUnit = fixture.entry(campaign, "entry", "作品甲", unit, java.time.Instant.parse("2018-11-01T00:00:00Z"))
                .getId();
        long alone = fixture.entry(campaign, "entry", "作品乙", null, java.time.Instant.parse("2018-11-01T00:00:01Z"))
                .getId();
        for (long id : List.of(fromUnit, alone)) {
            fixture.score(campaign, id, "expert1", "expert", Map.of("content", 30, "thought", 30, "innovation", 30));
            fixture.score(campaign, id, "audience1", "audience", Map.of("content", 30, "thought", 30, "innovation", 30));
        }

        ranking.rankCampaign(campaign.getId());

        assertThat(stored(campaign)).containsOnlyKeys(fromUnit, alone);
        // cs-essay-2018's three unit prizes propose units; the entry no unit sent belongs to none of them.
        assertThat(jdbc.queryForList("select distinct unit_id from unit_prize where campaign_id = ?", Long.class,
                campaign.getId())).containsExactly(unit.getId());
    }

    private List<String> indicators(Campaign campaign) {
        return new io.laurel.campaign.PresetCatalog().fromJson(campaign.getPresetSnapshot()).scoring().rubric()
                .stream().map(io.laurel.campaign.Preset.Criterion::code).toList();
    }

    private List<String> prizesByPosition(Map<Long, Stored> stored) {
        return stored.values().stream().sorted(java.util.Comparator.comparingInt(Stored::position))
                .map(s -> s.prizes() == null ? "" : s.prizes().split(",")[0]).toList();
    }

    private Map<Long, Stored> stored(Campaign campaign) {
        Map<Long, Stored> stored = new HashMap<>();
        jdbc.query("select nomination_id, final_score, position, prizes, normalisation, vote_rank, vote_points "
                + "from entry_result where campaign_id = ?", rs -> {
                    stored.put(rs.getLong(1), new Stored(rs.getBigDecimal(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getBigDecimal(7)));
                }, campaign.getId());
        return stored;
    }

    static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
