package io.laurel.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real {@code decisions/award-quota.dmn}: one case per row, written out here from the seeds. */
class AwardQuotaDecisionTest {

    static final String RESOURCE = "decisions/award-quota.dmn";

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() {
        engine = DmnTestEngines.legacyFeel();
        decision = DmnTestEngines.decision(engine, RESOURCE, "award-quota");
    }

    record Row(String preset, String awardCode, Integer winnersQuota, Integer perUnitLimit) {
    }

    /** Every row the table must have, with the seed's numbers (null where the seed sets none). */
    static final List<Row> EXPECTED = List.of(
            new Row("service-star-2025", "service-star", 5, null),
            new Row("service-star-2025", "excellent-team", 3, null),
            new Row("service-star-2025", "innovation", 10, null),
            new Row("service-star-2025", "progress", 10, null),
            new Row("service-star-2025", "best-satisfaction", 10, null),
            new Row("most-beautiful-cs-2019", "outstanding-contribution", null, 3),
            new Row("most-beautiful-cs-2019", "operations-management", null, 3),
            new Row("most-beautiful-cs-2019", "team-leader", null, 3),
            new Row("most-beautiful-cs-2019", "trainer", null, 3),
            new Row("most-beautiful-cs-2019", "quality-assurance", null, 3),
            new Row("most-beautiful-cs-2019", "elite-cs", null, 3),
            new Row("most-beautiful-cs-2019", "ai-engineer", null, 3),
            new Row("most-beautiful-cs-2019", "data-analyst", null, 3),
            new Row("cs-essay-2018", "first-prize", 2, null),
            new Row("cs-essay-2018", "second-prize", 6, null),
            new Row("cs-essay-2018", "third-prize", 12, null),
            new Row("cs-essay-2018", "popularity", 1, null),
            new Row("cs-essay-2018", "style", 1, null),
            new Row("cs-essay-2018", "image", 1, null),
            new Row("cs-essay-2018", "creativity", 1, null),
            new Row("cs-essay-2018", "best-team", null, null),
            new Row("cs-essay-2018", "best-organisation", null, null),
            new Row("cs-essay-2018", "most-cohesive", null, null),
            new Row("cs-essay-2018", "entry", null, 5),
            new Row("influential-cc-2020", "influential-cc", null, null),
            new Row("service-skills-cup-2022", "champion", 1, null),
            new Row("service-skills-cup-2022", "runner-up", 1, null),
            new Row("service-skills-cup-2022", "third-place", 1, null),
            new Row("service-skills-cup-2022", "best-individual", 1, null));

    static Stream<Arguments> rows() {
        return EXPECTED.stream().map(r -> Arguments.of(r.preset(), r.awardCode(), r.winnersQuota(), r.perUnitLimit()));
    }

    @ParameterizedTest(name = "{0} / {1} -> quota {2}, per unit {3}")
    @MethodSource("rows")
    void row(String preset, String awardCode, Integer winnersQuota, Integer perUnitLimit) {
        var result = engine.evaluateDecisionTable(decision, Map.of("preset", preset, "awardCode", awardCode));
        assertThat(result).hasSize(1);
        var entries = result.getSingleResult();
        // An empty output cell leaves its entry out of the result (getEntry would throw); get gives null.
        assertThat((Integer) entries.get("winnersQuota")).isEqualTo(winnersQuota);
        assertThat((Integer) entries.get("perUnitLimit")).isEqualTo(perUnitLimit);
    }

    @ParameterizedTest(name = "default FEEL: {0} / {1}")
    @MethodSource("rows")
    void rowWithDefaultFeel(String preset, String awardCode, Integer winnersQuota, Integer perUnitLimit) {
        DmnEngine feelScala = DmnTestEngines.defaultFeel();
        DmnDecision parsed = DmnTestEngines.decision(feelScala, RESOURCE, "award-quota");
        var entries = feelScala.evaluateDecisionTable(parsed, Map.of("preset", preset, "awardCode", awardCode))
                .getSingleResult();
        assertThat((Integer) entries.get("winnersQuota")).isEqualTo(winnersQuota);
        assertThat((Integer) entries.get("perUnitLimit")).isEqualTo(perUnitLimit);
    }

    @Test
    void tableHasExactlyTheExpectedRows() {
        List<List<String>> rows = DmnTestEngines.rows(DmnTestEngines.model(RESOURCE));
        assertThat(rows).extracting(r -> r.get(0) + " " + r.get(1)).containsExactlyInAnyOrderElementsOf(
                EXPECTED.stream().map(r -> "\"" + r.preset() + "\" \"" + r.awardCode() + "\"").toList());
    }

    @Test
    void everyRowHasAChineseAnnotationCitingItsSeed() {
        List<List<String>> rows = DmnTestEngines.rows(DmnTestEngines.model(RESOURCE));
        assertThat(rows).allSatisfy(r -> assertThat(r.get(4)).containsPattern("种子00[0-4]"));
    }

    @Test
    void unknownAwardCodeGivesNoResult() {
        assertThat(engine.evaluateDecisionTable(decision,
                Map.of("preset", "service-star-2025", "awardCode", "no-such-award"))).isEmpty();
        // A code of another preset does not match either.
        assertThat(engine.evaluateDecisionTable(decision,
                Map.of("preset", "service-star-2025", "awardCode", "champion"))).isEmpty();
    }

    @Test
    void decisionIsUniqueWithHistoryTimeToLive() {
        var model = DmnTestEngines.model(RESOURCE);
        Decision dmnDecision = model.getModelElementById("award-quota");
        assertThat(dmnDecision.getCamundaHistoryTimeToLiveString()).isEqualTo("P365D");
        assertThat(dmnDecision.getName()).containsPattern("\\p{IsHan}");
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getText().getTextContent())
                .containsExactly("preset", "awardCode");
        assertThat(table.getOutputs()).extracting(o -> o.getName()).containsExactly("winnersQuota", "perUnitLimit");
    }
}
