package io.laurel.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates the latest deployed version of a DMN table for lookups that are not decisions about a
 * person (quotas shown on a page, limits checked on input), without writing decision history.
 * Decisions that must be auditable (an eligibility verdict) go through the engine's DecisionService.
 * Parsed tables are cached per deployed definition, so a redeployed table is picked up at once.
 */
@Component
public class DecisionTables {

    private final RepositoryService repository;
    private final DmnEngine dmnEngine;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    DecisionTables(RepositoryService repository) {
        this.repository = repository;
        // Same FEEL flavour as the process engine (generic property dmn-feel-enable-legacy-behavior).
        this.dmnEngine = LegacyFeelEngines.create();
    }

    public DmnDecisionResult evaluate(String decisionKey, Map<String, Object> variables) {
        return dmnEngine.evaluateDecision(latest(decisionKey), Variables.fromMap(variables));
    }

    /** The parsed latest version of a decision, for callers evaluating it many times in a row. */
    public DmnDecision latest(String decisionKey) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("Decision '" + decisionKey + "' is not deployed");
        }
        return parsed.computeIfAbsent(definition.getId(), id -> parse(decisionKey, id));
    }

    public DmnEngine engine() {
        return dmnEngine;
    }

    private DmnDecision parse(String decisionKey, String definitionId) {
        try (InputStream model = repository.getDecisionModel(definitionId)) {
            return dmnEngine.parseDecision(decisionKey, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
