package io.laurel.scoring;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names judges go by in results shown to anyone but staff: 专家评委1, 专业观众评委2, 评审组评委3 ...
 * Numbers are drawn in random order when a judge first appears in a campaign's results and kept in every later
 * computation, so a reader who knows the panel cannot tell who is who from the numbering (an order by id or
 * name would give it away), and a judge keeps the same label across recomputations.
 */
final class JudgeLabels {

    private static final Map<String, String> PANEL_LABELS = Map.of("expert", "专家评委", "audience", "专业观众评委",
            "panel", "评审组评委");
    private static final Pattern NUMBER = Pattern.compile("(\\d+)$");

    private JudgeLabels() {
    }

    static String prefix(String panel) {
        return PANEL_LABELS.getOrDefault(panel, "评委");
    }

    /** Judge id → label: the earlier label where there is one, else the panel's next numbers in random order. */
    static Map<String, String> assign(List<ScoreBlend.JudgeParameters> judges, Map<String, String> earlier,
            Random random) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Integer> used = new LinkedHashMap<>();
        Map<String, List<String>> fresh = new LinkedHashMap<>();
        for (ScoreBlend.JudgeParameters j : judges) {
            String label = earlier.get(j.judgeId());
            if (label != null && label.startsWith(prefix(j.panel()))) {
                labels.put(j.judgeId(), label);
                Matcher m = NUMBER.matcher(label);
                if (m.find()) {
                    used.merge(j.panel(), Integer.parseInt(m.group(1)), Math::max);
                }
            } else {
                fresh.computeIfAbsent(j.panel(), p -> new ArrayList<>()).add(j.judgeId());
            }
        }
        fresh.forEach((panel, ids) -> {
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, random);
            int next = used.getOrDefault(panel, 0);
            for (String id : shuffled) {
                labels.put(id, prefix(panel) + (++next));
            }
        });
        return labels;
    }

    static Map<String, String> assign(List<ScoreBlend.JudgeParameters> judges, Map<String, String> earlier) {
        return assign(judges, earlier, new SecureRandom());
    }
}
