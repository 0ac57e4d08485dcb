package io.laurel.contest;

import io.laurel.decision.DecisionTables;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/** The stage weights of a round from the DMN {@code contest-stage-weights} (latest deployed version). */
@Component
class StageWeightsTable {

    static final String DECISION_KEY = "contest-stage-weights";

    private final DecisionTables decisions;

    StageWeightsTable(DecisionTables decisions) {
        this.decisions = decisions;
    }

    MatchScoring.StageWeights weights(String presetKey, String roundStage) {
        var result = decisions.evaluate(DECISION_KEY, Map.of("preset", presetKey, "roundStage", roundStage));
        if (result.isEmpty()) {
            throw new IllegalStateException("DMN " + DECISION_KEY + " has no row for " + presetKey + "/" + roundStage);
        }
        DmnDecisionResultEntries row = result.getFirstResult();
        return new MatchScoring.StageWeights(decimal(row.getEntry("theoryWeight")), decimal(row.getEntry("lookupWeight")),
                decimal(row.getEntry("rolePlayWeight")));
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value)).stripTrailingZeros();
    }
}
