package io.laurel.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real {@code decisions/eligibility.dmn}, evaluated as the application runs it (legacy FEEL). */
class EligibilityDecisionTest {

    static final String RESOURCE = "decisions/eligibility.dmn";

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() {
        engine = DmnTestEngines.legacyFeel();
        decision = DmnTestEngines.decision(engine, RESOURCE, "eligibility");
    }

    /** A candidate who meets every condition; each case changes one input. */
    static Map<String, Object> eligibleCandidate() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("formalEmployee", true);
        variables.put("tenureMonths", 24);
        variables.put("satisfactionTopPercent", 10.0);
        variables.put("majorComplaints12m", 0);
        variables.put("violations", 0);
        variables.put("consecutiveWinsSameAward", 0);
        return variables;
    }

    static Map<String, Object> candidate(Consumer<Map<String, Object>> change) {
        Map<String, Object> variables = eligibleCandidate();
        change.accept(variables);
        return variables;
    }

    static DmnDecisionRuleResult evaluate(DmnEngine dmnEngine, DmnDecision dmnDecision, Map<String, Object> variables) {
        var result = dmnEngine.evaluateDecisionTable(dmnDecision, variables);
        assertThat(result).as("FIRST hit policy gives exactly one row").hasSize(1);
        return result.getSingleResult();
    }

    @Test
    void decisionIsAFirstHitTableWithTheContractedInputsAndOutputs() {
        assertThat(decision.getKey()).isEqualTo("eligibility");
        assertThat(decision.getName()).containsPattern("\\p{IsHan}");
        var table = (org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) decision.getDecisionLogic();
        assertThat(table.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy().name()).isEqualTo("FIRST");
        assertThat(table.getInputs()).extracting(i -> i.getExpression().getExpression()).containsExactly(
                "formalEmployee", "tenureMonths", "satisfactionTopPercent", "majorComplaints12m", "violations",
                "consecutiveWinsSameAward");
        assertThat(table.getInputs()).extracting(i -> i.getExpression().getTypeDefinition().getTypeName())
                .containsExactly("boolean", "integer", "double", "integer", "integer", "integer");
        assertThat(table.getOutputs()).extracting(o -> o.getOutputName()).containsExactly("eligible", "reason");
        assertThat(table.getOutputs()).extracting(o -> o.getTypeDefinition().getTypeName())
                .containsExactly("boolean", "string");
    }

    @Test
    void decisionHasHistoryTimeToLiveAndADiagramShape() {
        var model = DmnTestEngines.model(RESOURCE);
        org.camunda.bpm.model.dmn.instance.Decision dmnDecision = model.getModelElementById("eligibility");
        assertThat(dmnDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
        // The model API has no DMNDI classes; read the shape from the XML so Camunda Modeler has a diagram.
        var shapes = DmnTestEngines.dom(RESOURCE)
                .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
        assertThat(shapes.getLength()).isEqualTo(1);
        assertThat(((org.w3c.dom.Element) shapes.item(0)).getAttribute("dmnElementRef")).isEqualTo("eligibility");
    }

    @Test
    void fullyEligibleCandidateHasEmptyReason() {
        var entries = evaluate(engine, decision, eligibleCandidate());
        assertThat((Boolean) entries.getEntry("eligible")).isTrue();
        assertThat((String) entries.getEntry("reason")).isEmpty();
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of("probation (not a formal employee)", candidate(v -> v.put("formalEmployee", false)), false, "非正式员工"),
                Arguments.of("tenure 5 months", candidate(v -> v.put("tenureMonths", 5)), false, "入职未满6个月"),
                Arguments.of("tenure 6 months", candidate(v -> v.put("tenureMonths", 6)), true, ""),
                Arguments.of("tenure 0 months", candidate(v -> v.put("tenureMonths", 0)), false, "入职未满6个月"),
                Arguments.of("satisfaction top 30%", candidate(v -> v.put("satisfactionTopPercent", 30.0)), true, ""),
                Arguments.of("satisfaction top 30 (integer)", candidate(v -> v.put("satisfactionTopPercent", 30)), true, ""),
                Arguments.of("satisfaction top 30.1%", candidate(v -> v.put("satisfactionTopPercent", 30.1)), false, "前30%"),
                Arguments.of("satisfaction missing", candidate(v -> v.put("satisfactionTopPercent", null)), false, "缺少客户满意度评分"),
                Arguments.of("0 major complaints", candidate(v -> v.put("majorComplaints12m", 0)), true, ""),
                Arguments.of("1 major complaint", candidate(v -> v.put("majorComplaints12m", 1)), false, "重大服务投诉"),
                Arguments.of("0 violations", candidate(v -> v.put("violations", 0)), true, ""),
                Arguments.of("1 violation", candidate(v -> v.put("violations", 1)), false, "违规违纪"),
                Arguments.of("2 consecutive wins", candidate(v -> v.put("consecutiveWinsSameAward", 2)), true, ""),
                Arguments.of("3 consecutive wins", candidate(v -> v.put("consecutiveWinsSameAward", 3)), false, "连续三年"),
                Arguments.of("4 consecutive wins", candidate(v -> v.put("consecutiveWinsSameAward", 4)), false, "连续三年"));
    }

    @ParameterizedTest(name = "{0} -> eligible={2}")
    @MethodSource("boundaries")
    void boundary(String label, Map<String, Object> variables, boolean eligible, String reasonPart) {
        var entries = evaluate(engine, decision, variables);
        assertThat((Boolean) entries.getEntry("eligible")).isEqualTo(eligible);
        String reason = entries.getEntry("reason");
        if (eligible) {
            assertThat(reason).isEmpty();
        } else {
            assertThat(reason).contains(reasonPart).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void eachIneligibleRuleHasItsOwnReason() {
        var reasons = Stream.of(
                        candidate(v -> v.put("formalEmployee", false)),
                        candidate(v -> v.put("tenureMonths", 5)),
                        candidate(v -> v.put("satisfactionTopPercent", null)),
                        candidate(v -> v.put("satisfactionTopPercent", 31.0)),
                        candidate(v -> v.put("majorComplaints12m", 1)),
                        candidate(v -> v.put("violations", 1)),
                        candidate(v -> v.put("consecutiveWinsSameAward", 3)))
                .map(v -> (String) evaluate(engine, decision, v).getEntry("reason"))
                .toList();
        assertThat(reasons).doesNotContain("").doesNotHaveDuplicates().hasSize(7);
    }

    @Test
    void firstFailingConditionGivesTheReason() {
        var entries = evaluate(engine, decision, candidate(v -> {
            v.put("formalEmployee", false);
            v.put("tenureMonths", 2);
            v.put("violations", 1);
        }));
        assertThat((Boolean) entries.getEntry("eligible")).isFalse();
        assertThat((String) entries.getEntry("reason")).contains("非正式员工");
    }

    @Test
    void tableIsAlsoValidWithTheDefaultFeelEngine() {
        DmnEngine feelScala = DmnTestEngines.defaultFeel();
        DmnDecision parsed = DmnTestEngines.decision(feelScala, RESOURCE, "eligibility");

        var eligible = evaluate(feelScala, parsed, eligibleCandidate());
        assertThat((Boolean) eligible.getEntry("eligible")).isTrue();
        assertThat((String) eligible.getEntry("reason")).isEmpty();

        var borderline = evaluate(feelScala, parsed, candidate(v -> v.put("satisfactionTopPercent", 30.1)));
        assertThat((Boolean) borderline.getEntry("eligible")).isFalse();
        assertThat((String) borderline.getEntry("reason")).contains("前30%");

        var missing = evaluate(feelScala, parsed, candidate(v -> v.put("satisfactionTopPercent", null)));
        assertThat((String) missing.getEntry("reason")).contains("缺少客户满意度评分");

        var wins = evaluate(feelScala, parsed, candidate(v -> v.put("consecutiveWinsSameAward", 3)));
        assertThat((Boolean) wins.getEntry("eligible")).isFalse();
    }
}
