package io.laurel.campaign;

import io.laurel.decision.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/** Reads the DMN {@code award-quota}: how many winners an award has and how many entries a unit may send. */
@Component
public class AwardQuotas {

    static final String DECISION = "award-quota";

    private final DecisionTables tables;

    AwardQuotas(DecisionTables tables) {
        this.tables = tables;
    }

    public Quota of(String presetKey, String awardCode) {
        DmnDecisionResult result = tables.evaluate(DECISION, Map.of("preset", presetKey, "awardCode", awardCode));
        DmnDecisionResultEntries row = result.getFirstResult();
        if (row == null) {
            return new Quota(null, null);
        }
        return new Quota(asInteger(row.get("winnersQuota")), asInteger(row.get("perUnitLimit")));
    }

    private static Integer asInteger(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    /** Null fields mean the seed sets no number. */
    public record Quota(Integer winnersQuota, Integer perUnitLimit) {
    }
}
