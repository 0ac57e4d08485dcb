package io.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tie-breaks, shared vote ranks and quota edges of the ranking, on small hand-made cases. */
class RankingRulesTest {

    static final Map<String, BigDecimal> EXPERT_ONLY = Map.of("expert", BigDecimal.ONE);
    static final Instant T0 = Instant.parse("2018-11-01T00:00:00Z");

    static ScoreBlend.Entry entry(long id, Instant submitted) {
        return new ScoreBlend.Entry(id, "entry", submitted, null, 0, null);
    }

    static List<ScoreBlend.Score> marks(long id, String judge, int content, int thought) {
        return List.of(new ScoreBlend.Score(id, judge, "expert", "content", BigDecimal.valueOf(content)),
                new ScoreBlend.Score(id, judge, "expert", "thought", BigDecimal.valueOf(thought)));
    }

    @Test
    void equalFinalScoresAreOrderedByExpertScoreThenThoughtThenSubmissionThenId() {
        // Final = 0.5 expert + 0.5 audience. 1 and 2: final 60, expert 70 vs 60 → 1 first.
        // 3 and 4: final 50, expert 50 each; 思想性 40 (4) beats 30 (3).
        // 5 and 6: final 40, expert 40, thought 20 each; 6 submitted earlier. 7 and 8: identical, same time → id.
        Map<String, BigDecimal> weights = new java.util.LinkedHashMap<>();
        weights.put("expert", new BigDecimal("0.5"));
        weights.put("audience", new BigDecimal("0.5"));
        List<ScoreBlend.Entry> entries = List.of(entry(1, T0), entry(2, T0), entry(3, T0), entry(4, T0),
                entry(5, T0.plusSeconds(10)), entry(6, T0.plusSeconds(5)), entry(8, T0), entry(7, T0));
        List<ScoreBlend.Score> scores = new ArrayList<>();
        scores.addAll(marks(1, "e1", 40, 30));
        scores.add(new ScoreBlend.Score(1, "a1", "audience", "content", BigDecimal.valueOf(50)));
        scores.addAll(marks(2, "e1", 30, 30));
        scores.add(new ScoreBlend.Score(2, "a1", "audience", "content", BigDecimal.valueOf(60)));
        scores.addAll(marks(3, "e1", 20, 30));
        scores.add(new ScoreBlend.Score(3, "a1", "audience", "content", BigDecimal.valueOf(50)));
        scores.addAll(marks(4, "e1", 10, 40));
        scores.add(new ScoreBlend.Score(4, "a1", "audience", "content", BigDecimal.valueOf(50)));
        for (long id : new long[] {5, 6}) {
            scores.addAll(marks(id, "e1", 20, 20));
            scores.add(new ScoreBlend.Score(id, "a1", "audience", "content", BigDecimal.valueOf(40)));
        }
        for (long id : new long[] {7, 8}) {
            scores.addAll(marks(id, "e1", 10, 20));
            scores.add(new ScoreBlend.Score(id, "a1", "audience", "content", BigDecimal.valueOf(30)));
        }

        ScoreBlend.Blend blend = ScoreBlend.compute(entries, scores, weights, Normalisation.NONE, false, r -> BigDecimal.ZERO);

        assertThat(blend.results()).extracting(ScoreBlend.Result::nominationId).containsExactly(1L, 2L, 4L, 3L, 6L,
                5L, 7L, 8L);
        assertThat(blend.results()).extracting(r -> r.finalScore().toPlainString()).containsExactly("60.0000",
                "60.0000", "50.0000", "50.0000", "40.0000", "40.0000", "30.0000", "30.0000");
    }

    @Test
    void aJudgeWhoseTotalsDoNotVaryCountsAsThePanelMeanUnderZScore() {
        // e1 gives 60 and 80 (panel totals 60, 80, 70, 70: mean 70, sd √50 = 7.0711); e2 gives 70 to both.
        List<ScoreBlend.Entry> entries = List.of(entry(1, T0), entry(2, T0));
        List<ScoreBlend.Score> scores = List.of(
                new ScoreBlend.Score(1, "e1", "expert", "content", BigDecimal.valueOf(60)),
                new ScoreBlend.Score(2, "e1", "expert", "content", BigDecimal.valueOf(80)),
                new ScoreBlend.Score(1, "e2", "expert", "content", BigDecimal.valueOf(70)),
                new ScoreBlend.Score(2, "e2", "expert", "content", BigDecimal.valueOf(70)));

        ScoreBlend.Blend blend = ScoreBlend.compute(entries, scores, EXPERT_ONLY, Normalisation.Z_SCORE, false,
                r -> BigDecimal.ZERO);

        // Entry 2: e1 → 70 + 7.0711 × (80 − 70) / 10 = 77.0711; e2 → 70; mean 73.5355 (entry 1: 66.4645).
        Map<Long, ScoreBlend.Result> results = ScoreBlendTest.byId(blend);
        assertThat(results.get(2L).finalScore()).isEqualByComparingTo("73.5355");
        assertThat(results.get(1L).finalScore()).isEqualByComparingTo("66.4645");
        assertThat(results.get(2L).judges()).extracting(m -> m.normalised().toPlainString())
                .containsExactly("77.0711", "70.0000");
    }

    @Test
    void sharedVoteRanksSkipTheRanksTheyTake() {
        List<Long> votes = List.of(90L, 90L, 90L, 50L, 50L, 10L, 0L);
        assertThat(votes.stream().map(v -> ScoreBlend.voteRank(v, votes))).containsExactly(1, 1, 1, 4, 4, 6, 7);
    }

    @Test
    void sharedRankAcrossAPointsBoundaryTakesTheBetterRanksPoints() {
        // 4th place shared by two entries: both get rank 4 → 18 points, the next entry is 6th → 16.
        List<ScoreBlend.Entry> entries = new ArrayList<>();
        long[] votes = {100, 90, 80, 70, 70, 60};
        for (int i = 0; i < votes.length; i++) {
            entries.add(new ScoreBlend.Entry(i + 1, "entry", T0, null, votes[i], null));
        }
        ScoreBlend.Blend blend = ScoreBlend.compute(entries, List.of(), Map.of("onlineVote", BigDecimal.ONE),
                Normalisation.NONE, false, ScoreBlendTest.SEED_POINTS);
        assertThat(ScoreBlendTest.byId(blend).values().stream()
                .sorted(java.util.Comparator.comparingLong(ScoreBlend.Result::nominationId))
                .map(r -> r.voteRank() + ":" + r.votePoints().intValue()))
                .containsExactly("1:20", "2:18", "3:18", "4:18", "4:18", "6:16");
    }

    static List<ScoreBlend.Result> ranked(int n) {
        List<ScoreBlend.Entry> entries = new ArrayList<>();
        List<ScoreBlend.Score> scores = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add(entry(i, T0));
            scores.add(new ScoreBlend.Score(i, "e1", "expert", "content", BigDecimal.valueOf(1000 - i)));
        }
        return ScoreBlend.compute(entries, scores, EXPERT_ONLY, Normalisation.NONE, false, r -> BigDecimal.ZERO)
                .results();
    }

    static final List<PrizeAssignment.Quota> ESSAY = List.of(new PrizeAssignment.Quota("first-prize", 2),
            new PrizeAssignment.Quota("second-prize", 6), new PrizeAssignment.Quota("third-prize", 12));

    static Map<String, Long> counts(Map<Long, String> prizes) {
        return prizes.values().stream().collect(java.util.stream.Collectors.groupingBy(p -> p,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    @Test
    void quotasAtTheirEdges() {
        assertThat(counts(PrizeAssignment.byRank(ranked(2), ESSAY))).containsExactly(Map.entry("first-prize", 2L));
        assertThat(counts(PrizeAssignment.byRank(ranked(8), ESSAY)))
                .containsExactly(Map.entry("first-prize", 2L), Map.entry("second-prize", 6L));
        assertThat(counts(PrizeAssignment.byRank(ranked(20), ESSAY))).containsExactly(Map.entry("first-prize", 2L),
                Map.entry("second-prize", 6L), Map.entry("third-prize", 12L));
        Map<Long, String> over = PrizeAssignment.byRank(ranked(21), ESSAY);
        assertThat(over).hasSize(20).doesNotContainKey(21L);
        assertThat(over.get(2L)).isEqualTo("first-prize");
        assertThat(over.get(3L)).isEqualTo("second-prize");
        assertThat(over.get(8L)).isEqualTo("second-prize");
        assertThat(over.get(9L)).isEqualTo("third-prize");
        assertThat(over.get(20L)).isEqualTo("third-prize");
    }

    @Test
    void fewerEntriesThanPrizes() {
        assertThat(PrizeAssignment.byRank(ranked(0), ESSAY)).isEmpty();
        assertThat(PrizeAssignment.byRank(ranked(1), ESSAY)).containsExactly(Map.entry(1L, "first-prize"));
        assertThat(counts(PrizeAssignment.byRank(ranked(5), ESSAY)))
                .containsExactly(Map.entry("first-prize", 2L), Map.entry("second-prize", 3L));
        assertThat(counts(PrizeAssignment.byRank(ranked(13), ESSAY))).containsExactly(Map.entry("first-prize", 2L),
                Map.entry("second-prize", 6L), Map.entry("third-prize", 5L));
    }

    @Test
    void anAwardWithoutQuotaAssignsNobody() {
        assertThat(PrizeAssignment.byRank(ranked(5), List.of(new PrizeAssignment.Quota("elite-cs", null)))).isEmpty();
    }

    @Test
    void votePrizesGoDownTheVoteListOneEntryEachAndSkipEntriesWithoutVotes() {
        List<ScoreBlend.Entry> entries = new ArrayList<>();
        long[] votes = {5, 40, 40, 0, 7};
        for (int i = 0; i < votes.length; i++) {
            entries.add(new ScoreBlend.Entry(i + 1, "entry", T0, null, votes[i], null));
        }
        // Entry 3 ranks above entry 2 on the score list: it takes the shared top vote first.
        List<ScoreBlend.Score> scores = List.of(new ScoreBlend.Score(3, "e1", "expert", "content", BigDecimal.TEN));
        ScoreBlend.Blend blend = ScoreBlend.compute(entries, scores, EXPERT_ONLY, Normalisation.NONE, false,
                r -> BigDecimal.ZERO);
        List<PrizeAssignment.Quota> quotas = List.of(new PrizeAssignment.Quota("popularity", 1),
                new PrizeAssignment.Quota("style", 1), new PrizeAssignment.Quota("image", 1),
                new PrizeAssignment.Quota("creativity", 1), new PrizeAssignment.Quota("extra", 1));

        assertThat(PrizeAssignment.byVotes(blend.results(), quotas)).containsExactly(Map.entry(3L, "popularity"),
                Map.entry(2L, "style"), Map.entry(5L, "image"), Map.entry(1L, "creativity"));
    }
}
