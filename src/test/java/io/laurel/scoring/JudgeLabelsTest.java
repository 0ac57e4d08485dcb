package io.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Labels that hide judge ids: numbered per panel, not in id order, kept across recomputations. */
class JudgeLabelsTest {

    static ScoreBlend.JudgeParameters judge(String id, String panel) {
        return new ScoreBlend.JudgeParameters(id, panel, 1, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.ZERO);
    }

    static final List<ScoreBlend.JudgeParameters> JUDGES = List.of(judge("a1", "audience"), judge("e1", "expert"),
            judge("e2", "expert"), judge("e3", "expert"), judge("p1", "panel"));

    @Test
    void eachPanelIsNumberedFromOne() {
        Map<String, String> labels = JudgeLabels.assign(JUDGES, Map.of(), new Random(1));

        assertThat(labels).containsEntry("a1", "专业观众评委1").containsEntry("p1", "评审组评委1");
        assertThat(Set.of(labels.get("e1"), labels.get("e2"), labels.get("e3")))
                .containsExactlyInAnyOrder("专家评委1", "专家评委2", "专家评委3");
    }

    @Test
    void theNumberingDoesNotFollowTheIds() {
        Set<String> firstExpert = new HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            Map<String, String> labels = JudgeLabels.assign(JUDGES, Map.of(), new Random(seed));
            labels.forEach((id, label) -> {
                if (label.equals("专家评委1")) {
                    firstExpert.add(id);
                }
            });
        }
        assertThat(firstExpert).containsExactlyInAnyOrder("e1", "e2", "e3");
    }

    @Test
    void earlierLabelsStayAndNewJudgesTakeTheNextNumbers() {
        Map<String, String> earlier = Map.of("e1", "专家评委2", "e2", "专家评委1");
        List<ScoreBlend.JudgeParameters> judges = List.of(judge("e1", "expert"), judge("e2", "expert"),
                judge("e4", "expert"), judge("e5", "expert"));

        Map<String, String> labels = JudgeLabels.assign(judges, earlier, new Random(3));

        assertThat(labels).containsEntry("e1", "专家评委2").containsEntry("e2", "专家评委1");
        assertThat(Set.of(labels.get("e4"), labels.get("e5"))).containsExactlyInAnyOrder("专家评委3", "专家评委4");
    }
}
