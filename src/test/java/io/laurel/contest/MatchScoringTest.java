package io.laurel.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.contest.MatchScoring.Result;
import io.laurel.contest.MatchScoring.StageScores;
import io.laurel.contest.MatchScoring.StageWeights;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weighted-score arithmetic of seed 004, checked against totals computed by hand. */
class MatchScoringTest {

    static final StageWeights SEED = new StageWeights(new BigDecimal("0.25"), new BigDecimal("0.25"),
            new BigDecimal("0.5"));

    static StageScores s(String theory, String lookup, String rolePlay) {
        return new StageScores(new BigDecimal(theory), new BigDecimal(lookup), new BigDecimal(rolePlay));
    }

    @Test
    void weighted_total_is_a_quarter_a_quarter_and_a_half() {
        // 80×0.25 + 60×0.25 + 90×0.5 = 20 + 15 + 45 = 80
        assertThat(SEED.total(s("80", "60", "90"))).isEqualByComparingTo("80");
        // 95×0.25 + 70×0.25 + 88×0.5 = 23.75 + 17.5 + 44 = 85.25
        assertThat(SEED.total(s("95", "70", "88"))).isEqualByComparingTo("85.25");
        // 77.5×0.25 + 81.25×0.25 + 66.75×0.5 = 19.375 + 20.3125 + 33.375 = 73.0625 → 73.063 (3 places, half up)
        assertThat(SEED.total(s("77.5", "81.25", "66.75"))).isEqualByComparingTo("73.063");
        assertThat(SEED.total(s("0", "0", "0"))).isEqualByComparingTo("0");
        assertThat(SEED.total(s("100", "100", "100"))).isEqualByComparingTo("100");
    }

    @Test
    void weights_must_add_up_to_one() {
        assertThatThrownBy(() -> new StageWeights(new BigDecimal("0.3"), new BigDecimal("0.3"), new BigDecimal("0.5")))
                .hasMessageContaining("1.1");
    }

    @Test
    void equal_totals_go_to_the_role_play_then_to_the_lookup_then_to_the_better_seed() {
        // A: 60×0.25 + 100×0.25 + 70×0.5 = 15 + 25 + 35 = 75
        Result a = MatchScoring.result(1, 3, s("60", "100", "70"), SEED);
        // B: 100×0.25 + 80×0.25 + 60×0.5 = 25 + 20 + 30 = 75, but a weaker role play
        Result b = MatchScoring.result(2, 1, s("100", "80", "60"), SEED);
        // C: 80×0.25 + 60×0.25 + 80×0.5 = 20 + 15 + 40 = 75, the best role play
        Result c = MatchScoring.result(3, 2, s("80", "60", "80"), SEED);
        assertThat(a.total()).isEqualByComparingTo("75");
        assertThat(b.total()).isEqualByComparingTo("75");
        assertThat(c.total()).isEqualByComparingTo("75");
        assertThat(MatchScoring.rank(List.of(a, b, c))).extracting(Result::teamId).containsExactly(3L, 1L, 2L);

        // D and E: same total (20 + 20 + 35 = 75; 30 + 10 + 35 = 75) and same role play: the lookup decides
        Result d = MatchScoring.result(4, 2, s("80", "80", "70"), SEED);
        Result e = MatchScoring.result(5, 1, s("120", "40", "70"), SEED);
        assertThat(MatchScoring.rank(List.of(e, d))).extracting(Result::teamId).containsExactly(4L, 5L);

        // Identical in everything: the better seed of the draw
        Result f = MatchScoring.result(6, 4, s("70", "70", "70"), SEED);
        Result g = MatchScoring.result(7, 2, s("70", "70", "70"), SEED);
        assertThat(MatchScoring.rank(List.of(f, g))).extracting(Result::teamId).containsExactly(7L, 6L);
    }

    @Test
    void a_higher_total_beats_a_better_role_play() {
        // H: 100×0.25 + 100×0.25 + 60×0.5 = 80; I: 50×0.25 + 50×0.25 + 100×0.5 = 75
        Result h = MatchScoring.result(8, 2, s("100", "100", "60"), SEED);
        Result i = MatchScoring.result(9, 1, s("50", "50", "100"), SEED);
        assertThat(MatchScoring.rank(List.of(i, h))).extracting(Result::teamId).containsExactly(8L, 9L);
    }
}
