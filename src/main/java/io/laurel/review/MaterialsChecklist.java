package io.laurel.review;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.nomination.MaterialRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/** Which of the preset's required per-candidate materials a nomination still lacks, in the seed's words. */
@Component
class MaterialsChecklist {

    private final PresetCatalog presets;
    private final MaterialRepository materials;

    MaterialsChecklist(PresetCatalog presets, MaterialRepository materials) {
        this.presets = presets;
        this.materials = materials;
    }

    List<String> missing(Campaign campaign, Long nominationId) {
        return presets.fromJson(campaign.getPresetSnapshot()).materials().stream()
                .filter(Preset.MaterialRule::required)
                .filter(rule -> rule.scope() == null || rule.scope().equals("APPLICANT"))
                .filter(rule -> materials.countByNominationIdAndKind(nominationId, rule.code()) < minCount(rule))
                .map(rule -> describe(rule, materials.countByNominationIdAndKind(nominationId, rule.code())))
                .toList();
    }

    private static int minCount(Preset.MaterialRule rule) {
        return rule.minCount() == null ? 1 : rule.minCount();
    }

    /** The seed's name of the material with what is still needed; no type code (HR and candidates never see them). */
    private static String describe(Preset.MaterialRule rule, long have) {
        List<String> details = new java.util.ArrayList<>();
        if (minCount(rule) > 1) {
            details.add("至少 " + minCount(rule) + " 份,已收到 " + have + " 份,还差 " + (minCount(rule) - have) + " 份");
        }
        if (rule.formats() != null && !rule.formats().isEmpty()) {
            details.add("格式 " + String.join("/", rule.formats()));
        }
        if (rule.maxChars() != null) {
            details.add(rule.maxChars() + " 字以内");
        }
        return details.isEmpty() ? rule.name() : rule.name() + "(" + String.join(",", details) + ")";
    }
}
