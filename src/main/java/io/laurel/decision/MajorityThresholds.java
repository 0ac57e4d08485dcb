package io.laurel.decision;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * The shares a count must reach — two thirds of the entitled voters for the final vote, two thirds of the assigned
 * scores to end a review phase after its deadline — read from the DMN table {@code majority-thresholds}, their one
 * home. Java and the BPMN conditions ({@code ${thresholds.reached('re-review-quorum', scoresIn, scoresAssigned)}})
 * both ask here, so a redeployed table changes every use at once.
 */
@Component("thresholds")
public class MajorityThresholds {

    public static final String FINAL_VOTE = "final-vote";
    public static final String RE_REVIEW_QUORUM = "re-review-quorum";
    public static final String JUDGING_QUORUM = "judging-quorum";

    private final DecisionTables tables;

    MajorityThresholds(DecisionTables tables) {
        this.tables = tables;
    }

    /** A share such as 2/3, kept as numerator and denominator so comparisons stay exact. */
    public record Share(int numerator, int denominator, String label) {

        /** Whether {@code count} out of {@code total} reaches the share (0 of 0 does). */
        public boolean reachedBy(long count, long total) {
            return count * denominator >= total * numerator;
        }

        /** The smallest count that reaches the share of {@code total}. */
        public int smallestCountOf(int total) {
            return (total * numerator + denominator - 1) / denominator;
        }
    }

    public Share of(String rule) {
        DmnDecisionResultEntries row = tables.evaluate("majority-thresholds", Map.of("rule", rule)).getSingleResult();
        if (row == null) {
            throw new IllegalStateException("DMN majority-thresholds has no row for rule '" + rule + "'");
        }
        int numerator = ((Number) row.getEntry("numerator")).intValue();
        int denominator = ((Number) row.getEntry("denominator")).intValue();
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalStateException("DMN majority-thresholds: rule '" + rule + "' must be a share like 2/3, is "
                    + numerator + "/" + denominator);
        }
        String label = row.getEntry("label");
        return new Share(numerator, denominator, label != null ? label : numerator + "/" + denominator);
    }

    /** For BPMN conditions: whether {@code count} of {@code total} reaches the rule's share. */
    public boolean reached(String rule, Number count, Number total) {
        return of(rule).reachedBy(count.longValue(), total.longValue());
    }
}
