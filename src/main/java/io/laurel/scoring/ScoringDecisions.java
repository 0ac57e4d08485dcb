package io.laurel.scoring;

import io.laurel.decision.DecisionTables;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The DMN tables scoring reads: {@code score-weights} (source weights per preset) and {@code vote-points}
 * (online-vote rank to points). Each result records the decision definition ids (key:version:uuid) used.
 */
@Component
class ScoringDecisions {

    static final String WEIGHTS = "score-weights";
    static final String VOTE_POINTS = "vote-points";
    static final String QUOTA = "award-quota";

    private final DecisionTables tables;
    private final RepositoryService repository;

    ScoringDecisions(DecisionTables tables, RepositoryService repository) {
        this.tables = tables;
        this.repository = repository;
    }

    /** Source → weight in table order; empty when the preset has no row. */
    Map<String, BigDecimal> weights(String preset) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (DmnDecisionResultEntries row : tables.evaluate(WEIGHTS, Map.of("preset", preset))) {
            Object source = row.get("source");
            Object weight = row.get("weight");
            if (source != null && weight instanceof Number n) {
                weights.put(source.toString(), new BigDecimal(n.toString()));
            }
        }
        return weights;
    }

    /**
     * Source → full marks (满分) of the rows that give one; a source at full marks then adds weight × 100 to the final
     * score (seed 001: the online vote's 20 points are its whole 20 % share).
     */
    Map<String, BigDecimal> fullMarks(String preset) {
        Map<String, BigDecimal> fullMarks = new LinkedHashMap<>();
        for (DmnDecisionResultEntries row : tables.evaluate(WEIGHTS, Map.of("preset", preset))) {
            if (row.get("source") != null && row.get("fullMarks") instanceof Number n) {
                fullMarks.put(row.get("source").toString(), new BigDecimal(n.toString()));
            }
        }
        return fullMarks;
    }

    /** The score-weights table as Laurel ships it (classpath decisions/score-weights.dmn), parsed once. */
    private volatile DmnDecision shipped;

    /**
     * Source → weight of the table as Laurel ships it, for telling whether a campaign was scored with Laurel's default
     * weights or with weights staff set in the deployed table.
     */
    Map<String, BigDecimal> shippedWeights(String preset) {
        if (shipped == null) {
            try (var model = getClass().getResourceAsStream("/decisions/" + WEIGHTS + ".dmn")) {
                if (model == null) {
                    return Map.of();
                }
                shipped = tables.engine().parseDecision(WEIGHTS, model);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (DmnDecisionResultEntries row : tables.engine().evaluateDecision(shipped,
                Variables.createVariables().putValue("preset", preset))) {
            if (row.get("source") != null && row.get("weight") instanceof Number n) {
                weights.put(row.get("source").toString(), new BigDecimal(n.toString()));
            }
        }
        return weights;
    }

    /** Rank → points for one preset, evaluated once per rank. */
    IntFunction<BigDecimal> votePoints(String preset) {
        DmnDecision decision = tables.latest(VOTE_POINTS);
        Map<Integer, BigDecimal> cache = new HashMap<>();
        return rank -> cache.computeIfAbsent(rank, r -> {
            DmnDecisionResultEntries row = tables.engine().evaluateDecision(decision,
                    Variables.createVariables().putValue("preset", preset).putValue("rank", r)).getFirstResult();
            if (row == null || !(row.get("points") instanceof Number n)) {
                throw new IllegalStateException("Decision vote-points has no row for rank " + r);
            }
            return new BigDecimal(n.toString());
        });
    }

    /** The id of the latest deployed definition (key:version:uuid) — what a result was computed with. */
    String definitionId(String key) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("Decision '" + key + "' is not deployed");
        }
        return definition.getId();
    }
}
