package io.laurel.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real {@code decisions/score-weights.dmn}: the seeds' weights, sums of 1, agreement with the presets. */
class ScoreWeightsDecisionTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() {
        engine = DmnTestEngines.legacyFeel();
        decision = DmnTestEngines.decision(engine, "decisions/score-weights.dmn", "score-weights");
    }

    static Map<String, BigDecimal> weights(String preset) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        engine.evaluateDecision(decision, Variables.createVariables().putValue("preset", preset))
                .forEach(row -> weights.put((String) row.get("source"),
                        new BigDecimal(row.get("weight").toString())));
        return weights;
    }

    @Test
    void essayContestIsExpertSeventyAudienceTenVoteTwenty() {
        assertThat(weights("cs-essay-2018")).containsOnlyKeys("expert", "audience", "onlineVote")
                .hasEntrySatisfying("expert", w -> assertThat(w).isEqualByComparingTo("0.7"))
                .hasEntrySatisfying("audience", w -> assertThat(w).isEqualByComparingTo("0.1"))
                .hasEntrySatisfying("onlineVote", w -> assertThat(w).isEqualByComparingTo("0.2"));
    }

    @Test
    void mostBeautifulIsPanelPlusVote() {
        assertThat(weights("most-beautiful-cs-2019")).containsOnlyKeys("panel", "onlineVote");
    }

    @Test
    void influentialCcWeighsEveryIndicatorOfThePresetRubric() {
        Preset preset = new PresetCatalog().find("influential-cc-2020").orElseThrow();
        assertThat(weights("influential-cc-2020").keySet()).containsExactlyInAnyOrderElementsOf(
                preset.scoring().rubric().stream().map(Preset.Criterion::code).collect(Collectors.toList()));
    }

    /** The DMN is the weights' one home (the presets no longer carry a copy); the seeds' shares, in percent. */
    @Test
    void everyPresetsWeightsSumToOneAndAreTheSeedsShares() {
        for (String key : new String[] {"cs-essay-2018", "most-beautiful-cs-2019", "influential-cc-2020"}) {
            assertThat(weights(key).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(key)
                    .isEqualByComparingTo("1");
        }
        // seed 001: 专家评分 70%、专业观众评分 10%、网络投票 20%
        assertThat(weights("cs-essay-2018")).containsOnlyKeys("expert", "audience", "onlineVote");
        assertThat(weights("cs-essay-2018").get("expert")).isEqualByComparingTo(new BigDecimal(70).movePointLeft(2));
        assertThat(weights("cs-essay-2018").get("audience")).isEqualByComparingTo(new BigDecimal(10).movePointLeft(2));
        // seed 000 says 评审组评分+网络投票 按照权重 without the shares: the two sources, shares are Laurel's reading
        assertThat(weights("most-beautiful-cs-2019")).containsOnlyKeys("panel", "onlineVote");
    }

    @Test
    void aCompanyPresetHasNoRow() {
        assertThat(weights("service-star-2025")).isEmpty();
    }
}
