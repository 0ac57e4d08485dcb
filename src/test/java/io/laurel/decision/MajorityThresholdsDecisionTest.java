package io.laurel.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two-thirds rule's one home: the DMN table, and the exact arithmetic Laurel does with its share. */
class MajorityThresholdsDecisionTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() {
        engine = DmnTestEngines.legacyFeel();
        decision = DmnTestEngines.decision(engine, "decisions/majority-thresholds.dmn", "majority-thresholds");
    }

    @ParameterizedTest
    @CsvSource({"final-vote", "re-review-quorum", "judging-quorum"})
    void every_rule_is_two_thirds_as_seed_002_says_for_the_vote(String rule) {
        DmnDecisionResultEntries row = engine.evaluateDecision(decision, Map.of("rule", rule)).getSingleResult();
        assertThat(row).isNotNull();
        assertThat(((Number) row.getEntry("numerator")).intValue()).isEqualTo(2);
        assertThat(((Number) row.getEntry("denominator")).intValue()).isEqualTo(3);
        assertThat((String) row.getEntry("label")).isEqualTo("三分之二");
    }

    @Test
    void an_unknown_rule_has_no_row() {
        assertThat(engine.evaluateDecision(decision, Map.of("rule", "simple-majority")).getSingleResult()).isNull();
    }

    /** "三分之二以上" counted exactly: 10 of 15 reach it, 9 of 14 do not (9/14 = 0.643), 10 of 14 do. */
    @ParameterizedTest
    @CsvSource({"10,15,true", "9,15,false", "9,14,false", "10,14,true", "27,40,true", "26,40,false", "0,0,true"})
    void a_share_is_compared_without_rounding(int count, int total, boolean reached) {
        var twoThirds = new MajorityThresholds.Share(2, 3, "三分之二");
        assertThat(twoThirds.reachedBy(count, total)).isEqualTo(count * 3 >= total * 2).isEqualTo(reached);
    }

    @ParameterizedTest
    @CsvSource({"40,27", "39,26", "15,10", "1,1", "0,0"})
    void the_smallest_count_reaching_two_thirds(int total, int smallest) {
        var twoThirds = new MajorityThresholds.Share(2, 3, "三分之二");
        assertThat(twoThirds.smallestCountOf(total)).isEqualTo(smallest);
        assertThat(twoThirds.reachedBy(smallest, total)).isTrue();
        if (smallest > 0) {
            assertThat(twoThirds.reachedBy(smallest - 1, total)).isFalse();
        }
    }
}
