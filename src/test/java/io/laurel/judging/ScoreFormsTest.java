package io.laurel.judging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For every preset the association path judges, the form judges score in has exactly the criteria the server
 * checks, with the same bounds — so what the form refuses and what the task listener refuses agree.
 */
class ScoreFormsTest {

    private final PresetCatalog presets = new PresetCatalog();
    private final JudgingPlan plan = new JudgingPlan(presets, new JudgingProperties(null, null, null, null), null,
            Clock.systemUTC());

    @Test
    void each_judged_preset_scores_in_a_form_with_its_criteria_and_bounds() throws Exception {
        Map<String, String> expectedForm = Map.of("cs-essay-2018", "rubric-score", "most-beautiful-cs-2019",
                "panel-score", "influential-cc-2020", "indicator-score");
        for (String key : EvaluationPathSelector.JUDGED_PRESETS) {
            Campaign campaign = campaign(key);
            String formId = plan.scoreForm(campaign);
            assertThat(formId).as(key).isEqualTo(expectedForm.get(key));
            Map<String, int[]> fields = numberFields(formId);
            List<Preset.Criterion> criteria = plan.judgedCriteria(campaign);
            assertThat(fields.keySet()).as(key).containsExactlyInAnyOrderElementsOf(
                    criteria.stream().map(Preset.Criterion::code).toList());
            for (Preset.Criterion c : criteria) {
                assertThat(fields.get(c.code())).as(key + " " + c.code()).containsExactly(JudgingPlan.range(c));
            }
        }
    }

    @Test
    void the_essay_panels_are_experts_and_professional_audience() {
        assertThat(plan.panels(campaign("cs-essay-2018"))).extracting(JudgingPlan.Panel::code, JudgingPlan.Panel::group,
                JudgingPlan.Panel::judgesPerEntry).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("expert", "judges-expert", 3),
                        org.assertj.core.groups.Tuple.tuple("audience", "judges-audience", 2));
        assertThat(plan.panels(campaign("most-beautiful-cs-2019"))).extracting(JudgingPlan.Panel::code)
                .containsExactly("panel");
        assertThat(plan.panels(campaign("influential-cc-2020"))).extracting(JudgingPlan.Panel::code)
                .containsExactly("expert");
    }

    private Campaign campaign(String key) {
        Preset preset = presets.find(key).orElseThrow();
        return new Campaign(key, preset.name(), preset.kind(), preset.timeZone(), preset.firstDate(),
                preset.intakeMailbox(), presets.toJson(preset), Instant.now(), "test");
    }

    private Map<String, int[]> numberFields(String formId) throws Exception {
        JsonNode form = new ObjectMapper().readTree(getClass().getResourceAsStream("/forms/" + formId + ".form"));
        Map<String, int[]> fields = new LinkedHashMap<>();
        for (JsonNode c : form.get("components")) {
            if (c.get("type").asText().equals("number") && c.has("validate")) {
                fields.put(c.get("key").asText(), new int[] {c.get("validate").get("min").asInt(),
                        c.get("validate").get("max").asInt()});
            }
        }
        return fields;
    }
}
