package io.laurel.judging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code laurel.judging.*}: who judges association campaigns and how.
 *
 * @param panels             per panel code (expert, audience, panel): the Camunda group of its judges and how
 *                           many judges of the panel score each entry
 * @param presets            per preset key, panel settings that replace those of {@code panels} for that preset
 * @param scoringWorkingDays how long judges have, counted from the assignment, when the preset's timeline has no
 *                           judging phase
 * @param committeeGroup     the Camunda group whose members confirm the prize list by the lifecycle's two-thirds
 *                           vote (default {@code committee})
 */
@ConfigurationProperties("laurel.judging")
public record JudgingProperties(Map<String, Panel> panels, Map<String, Map<String, Panel>> presets,
        Integer scoringWorkingDays, String committeeGroup) {

    public JudgingProperties {
        Map<String, Panel> merged = new LinkedHashMap<>();
        merged.put("expert", new Panel("judges-expert", 3));
        merged.put("audience", new Panel("judges-audience", 2));
        merged.put("panel", new Panel("judges-expert", 3));
        if (panels != null) {
            panels.forEach((code, p) -> merged.merge(code, p, Panel::over));
        }
        panels = merged;
        presets = presets == null ? Map.of() : presets;
        scoringWorkingDays = scoringWorkingDays == null ? 10 : scoringWorkingDays;
        committeeGroup = committeeGroup == null || committeeGroup.isBlank() ? "committee" : committeeGroup;
    }

    /** The panel's settings for a preset: the preset's own where set, else the general ones. */
    public Panel panel(String presetKey, String panelCode) {
        Panel general = panels.getOrDefault(panelCode, new Panel("judges-" + panelCode, 3));
        Panel special = presets.getOrDefault(presetKey, Map.of()).get(panelCode);
        return special == null ? general : general.over(special);
    }

    public record Panel(String group, Integer judgesPerEntry) {

        /** {@code other}'s settings where given, else this one's. */
        Panel over(Panel other) {
            return new Panel(other.group() != null ? other.group() : group,
                    other.judgesPerEntry() != null ? other.judgesPerEntry() : judgesPerEntry);
        }
    }
}
