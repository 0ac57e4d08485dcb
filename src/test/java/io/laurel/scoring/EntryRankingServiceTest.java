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
        // Nobody voted: no vote prize, everyone shares rank 1 (20 points).
        assertThat(stored.values()).allSatisfy(s -> assertThat(s.voteRank()).isEqualTo(1));
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
