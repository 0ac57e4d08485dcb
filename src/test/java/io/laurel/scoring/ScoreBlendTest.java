package io.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The blend of {@code cs-essay-2018} (expert 70 %, audience 10 %, online vote 20 %) against a table of 12 entries
 * scored by 5 judges (3 experts, 2 audience judges), with and without z-score normalisation.
 *
 * <p>The expected figures were computed outside Laurel from the same marks (a separate Python script with
 * decimal half-up rounding, not this code). Worked example, entry 3 without normalisation: totals (内容+思想+创新
 * +规范性 9, one nonconformity) e1 30+50+9+9 = 98, e2 19+32+8+9 = 68, e3 30+50+10+9 = 99 → expert 265/3 = 88.3333;
 * a1 28+48+10+9 = 95, a2 20+33+9+9 = 71 → audience 83; 420 votes share rank 2 with entry 2 → 18 points;
 * final 0.7 × 88.3333 + 0.1 × 83 + 0.2 × 18 × 100 / 20 = 61.83331 + 8.3 + 18 = 88.13331 → 88.1333 (the vote's 20
 * points are its whole 20 % share of the 100-point final: 20 points × 20 % in seed 001's table).
 *
 * <p>Judge e2 marks in a narrow band (totals mean 62.9167, sd 5.0242) while e3 spreads (81.6667, 21.8950): with
 * z-score each judge's totals are rescaled to the expert panel's pooled mean 74.2222 and sd 18.6192, e2's small
 * differences count as much as e3's large ones, and entry 5 overtakes entry 1 for third place.
 */
class ScoreBlendTest {

    static final Map<String, BigDecimal> WEIGHTS = new LinkedHashMap<>(Map.of());

    static {
        WEIGHTS.put("expert", new BigDecimal("0.7"));
        WEIGHTS.put("audience", new BigDecimal("0.1"));
        WEIGHTS.put("onlineVote", new BigDecimal("0.2"));
    }

    /** Full marks of the sources (DMN score-weights): a full source adds weight × 100. */
    static final Map<String, BigDecimal> FULL_MARKS = Map.of("expert", new BigDecimal("100"), "audience",
            new BigDecimal("100"), "onlineVote", new BigDecimal("20"));

    /** Judge, panel, then 内容性/思想性/创新性 of entries 1..12. */
    static final String[][] MARKS = {
        {"e1", "expert", "24/41/8", "16/29/5", "30/50/9", "21/30/6", "27/48/9", "28/50/9", "25/42/10", "25/41/7", "10/12/4", "21/35/7", "29/50/10", "15/30/7"},
        {"e2", "expert", "19/28/9", "16/27/7", "19/32/8", "17/24/7", "18/31/8", "23/27/9", "20/27/8", "19/28/7", "15/20/6", "20/25/6", "21/28/9", "17/27/6"},
        {"e3", "expert", "30/50/9", "17/23/5", "30/50/10", "18/30/6", "30/50/10", "30/50/10", "30/49/10", "26/44/7", "10/9/4", "23/44/9", "30/50/10", "16/30/4"},
        {"a1", "audience", "26/44/9", "15/23/7", "28/48/10", "18/27/6", "30/50/9", "27/47/10", "29/45/9", "24/40/7", "10/12/4", "22/35/7", "30/48/10", "17/23/5"},
        {"a2", "audience", "21/29/7", "13/21/6", "20/33/9", "16/26/7", "22/30/8", "21/30/8", "21/26/7", "20/29/7", "13/15/5", "16/27/7", "24/35/9", "15/16/6"},
    };
    /** Online votes of entries 1..12: ranks 1, 2, 2, 4, 5, 5, 5, 8, 9, 9, 11, 12. */
    static final long[] VOTES = {500, 420, 420, 380, 300, 300, 300, 250, 100, 100, 90, 0};
    /** Confirmed 规范性 points: entry 3 has one nonconformity, entry 7 two. */
    static final int[] CONFORMITY = {10, 10, 9, 10, 10, 10, 8, 10, 10, 10, 10, 10};

    record Expected(long entry, String expert, String audience, String vote, String finalScore, int position) {
    }

    static Expected row(long entry, String expert, String audience, String vote, String finalScore, int position) {
        return new Expected(entry, expert, audience, vote, finalScore, position);
    }

    static final List<Expected> PLAIN = List.of(
            row(1, "82.6667", "78.0000", "20.0000", "85.6667", 3),
            row(2, "58.3333", "52.5000", "18.0000", "64.0833", 10),
            row(3, "88.3333", "83.0000", "18.0000", "88.1333", 1),
            row(4, "63.0000", "60.0000", "18.0000", "68.1000", 9),
            row(5, "87.0000", "84.5000", "16.0000", "85.3500", 4),
            row(6, "88.6667", "81.5000", "16.0000", "86.2167", 2),
            row(7, "81.6667", "76.5000", "16.0000", "80.8167", 6),
            row(8, "78.0000", "73.5000", "14.0000", "75.9500", 7),
            row(9, "40.0000", "39.5000", "14.0000", "45.9500", 12),
            row(10, "73.3333", "67.0000", "14.0000", "72.0333", 8),
            row(11, "89.0000", "88.0000", "10.0000", "81.1000", 5),
            row(12, "60.6667", "51.0000", "10.0000", "57.5667", 11));

    static final List<Expected> Z_SCORE = List.of(
            row(1, "84.6060", "79.2280", "20.0000", "87.1470", 4),
            row(2, "56.9489", "49.4290", "18.0000", "62.8071", 10),
            row(3, "92.1460", "85.3574", "18.0000", "91.0379", 1),
            row(4, "59.3952", "59.9118", "18.0000", "65.5678", 9),
            row(5, "89.8423", "86.2511", "16.0000", "87.5147", 3),
            row(6, "93.3268", "83.1749", "16.0000", "89.6463", 2),
            row(7, "81.0091", "75.7568", "16.0000", "80.2821", 6),
            row(8, "78.7339", "74.8285", "14.0000", "76.5966", 7),
            row(9, "31.4840", "34.9533", "14.0000", "39.5341", 12),
            row(10, "71.3650", "66.5167", "14.0000", "70.6072", 8),
            row(11, "92.7674", "92.7754", "10.0000", "84.2147", 5),
            row(12, "59.0421", "46.8170", "10.0000", "56.0112", 11));

    /** The seed's table, written out here (the DMN is tested by VotePointsDecisionTest). */
    static final IntFunction<BigDecimal> SEED_POINTS = rank -> BigDecimal.valueOf(
            rank == 1 ? 20 : rank <= 4 ? 18 : rank <= 7 ? 16 : rank <= 10 ? 14 : rank <= 20 ? 10 : 9);

    static List<ScoreBlend.Entry> entries() {
        List<ScoreBlend.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entries.add(new ScoreBlend.Entry(i + 1, "entry", Instant.parse("2018-11-01T00:00:00Z").plusSeconds(i),
                    100L + i % 4, VOTES[i], BigDecimal.valueOf(CONFORMITY[i])));
        }
        return entries;
    }

    static List<ScoreBlend.Score> scores() {
        List<ScoreBlend.Score> scores = new ArrayList<>();
        for (String[] judge : MARKS) {
            for (int i = 0; i < 12; i++) {
                String[] p = judge[i + 2].split("/");
                scores.add(new ScoreBlend.Score(i + 1, judge[0], judge[1], "content", new BigDecimal(p[0])));
                scores.add(new ScoreBlend.Score(i + 1, judge[0], judge[1], "thought", new BigDecimal(p[1])));
                scores.add(new ScoreBlend.Score(i + 1, judge[0], judge[1], "innovation", new BigDecimal(p[2])));
            }
        }
        return scores;
    }

    @Test
    void withoutNormalisationEverySourceFinalScoreAndPositionMatchTheHandTable() {
        ScoreBlend.Blend blend = ScoreBlend.compute(entries(), scores(), WEIGHTS, FULL_MARKS, Normalisation.NONE, true, SEED_POINTS);

        assertMatches(blend, PLAIN);
        ScoreBlend.Result third = byId(blend).get(3L);
        assertThat(third.judges()).extracting(ScoreBlend.JudgeMark::judgeId, m -> m.total().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a1", "95"),
                        org.assertj.core.groups.Tuple.tuple("a2", "71"), org.assertj.core.groups.Tuple.tuple("e1", "98"),
                        org.assertj.core.groups.Tuple.tuple("e2", "68"), org.assertj.core.groups.Tuple.tuple("e3", "99"));
        assertThat(third.judges()).allSatisfy(m -> assertThat(m.normalised()).isEqualByComparingTo(m.total()));
    }

    @Test
    void withZScoreEverySourceFinalScoreAndPositionMatchTheHandTable() {
        ScoreBlend.Blend blend = ScoreBlend.compute(entries(), scores(), WEIGHTS, FULL_MARKS, Normalisation.Z_SCORE, true,
                SEED_POINTS);

        assertMatches(blend, Z_SCORE);
        Map<String, ScoreBlend.JudgeParameters> parameters = blend.parameters().stream()
                .collect(Collectors.toMap(ScoreBlend.JudgeParameters::judgeId, p -> p));
        assertThat(parameters.get("e2").mean()).isEqualByComparingTo("62.9167");
        assertThat(parameters.get("e2").sd()).isEqualByComparingTo("5.0242");
        assertThat(parameters.get("e3").sd()).isEqualByComparingTo("21.8950");
        assertThat(parameters.get("e1").panelMean()).isEqualByComparingTo("74.2222");
        assertThat(parameters.get("e1").panelSd()).isEqualByComparingTo("18.6192");
        assertThat(parameters.get("a2").mean()).isEqualByComparingTo("61.8333");
        assertThat(parameters.get("a2").panelSd()).isEqualByComparingTo("17.6562");
        assertThat(parameters).hasSize(5).allSatisfy((judge, p) -> assertThat(p.entries()).isEqualTo(12));
    }

    @Test
    void voteRanksAreCompetitionRanksWithinTheGroup() {
        ScoreBlend.Blend blend = ScoreBlend.compute(entries(), scores(), WEIGHTS, FULL_MARKS, Normalisation.NONE, true, SEED_POINTS);

        assertThat(blend.results().stream().sorted(java.util.Comparator.comparingLong(ScoreBlend.Result::nominationId))
                .map(ScoreBlend.Result::voteRank)).containsExactly(1, 2, 2, 4, 5, 5, 5, 8, 9, 9, 11, 12);
    }

    @Test
    void aJudgesOwnConformityMarkReplacesTheConfirmedPoints() {
        List<ScoreBlend.Score> scores = new ArrayList<>(scores());
        scores.add(new ScoreBlend.Score(3, "e1", "expert", "conformity", new BigDecimal("5")));

        ScoreBlend.Result third = byId(ScoreBlend.compute(entries(), scores, WEIGHTS, FULL_MARKS, Normalisation.NONE, true,
                SEED_POINTS)).get(3L);

        // e1: 30 + 50 + 9 + 5 instead of + 9 → expert (94 + 68 + 99) / 3 = 87.0000
        assertThat(third.sourceScores().get("expert")).isEqualByComparingTo("87.0000");
    }

    @Test
    void withoutConformityInTheRubricTheConfirmedPointsAreNotAdded() {
        ScoreBlend.Result third = byId(ScoreBlend.compute(entries(), scores(), WEIGHTS, FULL_MARKS, Normalisation.NONE, false,
                SEED_POINTS)).get(3L);

        // (89 + 59 + 90) / 3
        assertThat(third.sourceScores().get("expert")).isEqualByComparingTo("79.3333");
    }

    private static void assertMatches(ScoreBlend.Blend blend, List<Expected> table) {
        Map<Long, ScoreBlend.Result> results = byId(blend);
        assertThat(results).hasSize(12);
        for (Expected e : table) {
            ScoreBlend.Result r = results.get(e.entry());
            assertThat(r.sourceScores().get("expert")).as("expert of %s", e.entry()).isEqualByComparingTo(e.expert());
            assertThat(r.sourceScores().get("audience")).as("audience of %s", e.entry())
                    .isEqualByComparingTo(e.audience());
            assertThat(r.sourceScores().get("onlineVote")).as("vote of %s", e.entry()).isEqualByComparingTo(e.vote());
            assertThat(r.finalScore()).as("final of %s", e.entry()).isEqualByComparingTo(e.finalScore());
            assertThat(r.position()).as("position of %s", e.entry()).isEqualTo(e.position());
            assertThat(r.judges()).hasSize(5);
        }
        assertThat(blend.results()).extracting(ScoreBlend.Result::position)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    static Map<Long, ScoreBlend.Result> byId(ScoreBlend.Blend blend) {
        return blend.results().stream().collect(Collectors.toMap(ScoreBlend.Result::nominationId, r -> r));
    }
}
