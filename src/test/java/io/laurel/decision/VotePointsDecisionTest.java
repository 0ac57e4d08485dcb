package io.laurel.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real {@code decisions/vote-points.dmn} at every boundary of seed 001's table (网络投票得分). */
class VotePointsDecisionTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() {
        engine = DmnTestEngines.legacyFeel();
        decision = DmnTestEngines.decision(engine, "decisions/vote-points.dmn", "vote-points");
    }

    @ParameterizedTest(name = "rank {0} → {1} points")
    @CsvSource({"1, 20", "2, 18", "3, 18", "4, 18", "5, 16", "7, 16", "8, 14", "10, 14", "11, 10", "20, 10",
            "21, 9", "22, 9", "500, 9"})
    void rankToPoints(int rank, double points) {
        for (String preset : new String[] {"cs-essay-2018", "most-beautiful-cs-2019"}) {
            Object result = engine.evaluateDecision(decision,
                    Variables.createVariables().putValue("preset", preset).putValue("rank", rank))
                    .getSingleResult().get("points");
            assertThat(((Number) result).doubleValue()).as("%s rank %s", preset, rank).isEqualTo(points);
        }
    }

    @Test
    void noRankBelowOne() {
        assertThat(engine.evaluateDecision(decision,
                Variables.createVariables().putValue("preset", "cs-essay-2018").putValue("rank", 0)).getFirstResult())
                .isNull();
    }

    @Test
    void theDefaultFeelEngineReadsTheTableTheSameWay() {
        DmnEngine stock = DmnTestEngines.defaultFeel();
        DmnDecision parsed = DmnTestEngines.decision(stock, "decisions/vote-points.dmn", "vote-points");
        int[] ranks = {1, 2, 4, 5, 7, 8, 10, 11, 20, 21};
        double[] points = {20, 18, 18, 16, 16, 14, 14, 10, 10, 9};
        for (int i = 0; i < ranks.length; i++) {
            Object result = stock.evaluateDecision(parsed, Variables.createVariables().putValue("preset", "x")
                    .putValue("rank", ranks[i])).getSingleResult().get("points");
            assertThat(((Number) result).doubleValue()).isEqualTo(points[i]);
        }
    }
}
