package io.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The unit figures and the order each unit prize proposes them in (seed 001's four criteria). */
class UnitPrizeOrderingTest {

    static ScoreBlend.Result result(long id, Long unit, String finalScore, int position) {
        return new ScoreBlend.Result(id, "entry", Map.of(), List.of(), new BigDecimal(finalScore), null, null, 0, 1,
                BigDecimal.ZERO, position, Instant.EPOCH, unit);
    }

    // Unit 1: two entries, mean 70, best 2nd. Unit 2: three entries, mean 50. Unit 3: one entry, 80, 1st.
    static final List<ScoreBlend.Result> RESULTS = List.of(result(1, 1L, "60", 4), result(2, 1L, "80", 2),
            result(3, 2L, "40", 6), result(4, 2L, "50", 5), result(5, 2L, "60", 3), result(6, 3L, "90", 1),
            result(7, null, "10", 7));

    static final Map<Long, int[]> ACTIVITY = Map.of(1L, new int[] {5, 100}, 2L, new int[] {1, 50}, 3L,
            new int[] {20, 4000});
    static final Map<Long, BigDecimal> GUIDANCE = Map.of(1L, new BigDecimal("9"), 2L, new BigDecimal("3"));

    @Test
    void figuresPerUnit() {
        List<UnitPrizes.UnitFigures> figures = UnitPrizes.figures(RESULTS, ACTIVITY, GUIDANCE);

        assertThat(figures).extracting(UnitPrizes.UnitFigures::unitId).containsExactly(1L, 2L, 3L);
        assertThat(figures.get(0).entries()).isEqualTo(2);
        assertThat(figures.get(0).meanFinalScore()).isEqualByComparingTo("70");
        assertThat(figures.get(0).bestPosition()).isEqualTo(2);
        assertThat(figures.get(1).meanFinalScore()).isEqualByComparingTo("50");
        assertThat(figures.get(2).promotion()).isEqualTo(4020);
        assertThat(figures.get(2).guidanceScore()).isEqualByComparingTo("0");
    }

    @Test
    void eachPrizeLeadsWithItsOwnCriterion() {
        List<UnitPrizes.UnitFigures> figures = UnitPrizes.figures(RESULTS, ACTIVITY, GUIDANCE);

        assertThat(order(figures, "ranking")).containsExactly(3L, 1L, 2L);
        assertThat(order(figures, "entries")).containsExactly(2L, 1L, 3L);
        assertThat(order(figures, "promotion")).containsExactly(3L, 1L, 2L);
        assertThat(order(figures, "guidance")).containsExactly(1L, 2L, 3L);
    }

    @Test
    void equalLeadingFiguresFallBackOnTheOthers() {
        // Same number of entries (2 each): promotion decides, then the unit id.
        List<UnitPrizes.UnitFigures> figures = List.of(
                new UnitPrizes.UnitFigures(1, 2, BigDecimal.ONE, 1, 0, 10, BigDecimal.ZERO),
                new UnitPrizes.UnitFigures(2, 2, BigDecimal.ONE, 1, 0, 30, BigDecimal.ZERO),
                new UnitPrizes.UnitFigures(3, 2, BigDecimal.ONE, 1, 0, 10, BigDecimal.ZERO));

        assertThat(order(figures, "entries")).containsExactly(2L, 1L, 3L);
    }

    private static List<Long> order(List<UnitPrizes.UnitFigures> figures, String leading) {
        return figures.stream().sorted(UnitPrizes.ORDERINGS.get(leading)).map(UnitPrizes.UnitFigures::unitId).toList();
    }
}
