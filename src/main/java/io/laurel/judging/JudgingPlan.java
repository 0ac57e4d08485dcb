package io.laurel.judging;

import io.laurel.calendar.WorkCalendar;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.Milestone;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What judging looks like for a campaign, from its preset: which panels score (cs-essay-2018: experts and the
 * professional audience; most-beautiful-cs-2019: one review panel; influential-cc-2020: experts), the rubric, the
 * form judges score in, and when scoring ends.
 */
@Component
public class JudgingPlan {

    /** The rubric item association staff settle in the conformity review; judges see it read-only. */
    public static final String CONFORMITY = "conformity";
    /** The one criterion of presets without a rubric: the panel's overall score, 0–100. */
    public static final String TOTAL = "total";

    /** Timeline phases whose end is the judges' deadline, where a preset has one. */
    private static final List<String> JUDGING_PHASES = List.of("judging", "expert-review");

    private final PresetCatalog presets;
    private final JudgingProperties properties;
    private final WorkCalendar calendar;
    private final Clock clock;

    JudgingPlan(PresetCatalog presets, JudgingProperties properties, WorkCalendar calendar, Clock clock) {
        this.presets = presets;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    public record Panel(String code, String name, String group, int judgesPerEntry) {
    }

    public Preset preset(Campaign campaign) {
        return presets.fromJson(campaign.getPresetSnapshot());
    }

    /** The panels in the order their members are assigned; a user in two panels' groups judges in the first. */
    @SuppressWarnings("unchecked")
    public List<Panel> panels(Campaign campaign) {
        Preset preset = preset(campaign);
        List<String> applies = preset.rules().rubricAppliesTo();
        List<String> codes;
        if (applies != null && !applies.isEmpty()) {
            codes = applies;
        } else if (preset.scoring() != null && preset.scoring().method() != null
                && preset.scoring().method().startsWith("panel")) {
            codes = List.of("panel");
        } else {
            codes = List.of("expert");
        }
        return codes.stream().map(code -> {
            JudgingProperties.Panel p = properties.panel(campaign.getPresetKey(), code);
            return new Panel(code, panelName(code), p.group(), p.judgesPerEntry());
        }).toList();
    }

    static String panelName(String code) {
        return switch (code) {
            case "expert" -> "专家评委";
            case "audience" -> "专业观众评委";
            case "panel" -> "评审团";
            default -> code;
        };
    }

    /** The criteria judges score (without 规范性, which staff confirm); one 0–100 total where there is no rubric. */
    public List<Preset.Criterion> judgedCriteria(Campaign campaign) {
        Preset preset = preset(campaign);
        if (preset.scoring() == null || preset.scoring().rubric() == null || preset.scoring().rubric().isEmpty()) {
            return List.of(new Preset.Criterion(TOTAL, "总分", 100, List.of(new Preset.Band(0, 100, "评审团综合评分"))));
        }
        return preset.scoring().rubric().stream().filter(c -> !CONFORMITY.equals(c.code())).toList();
    }

    /** The rubric's 规范性 item, when the preset has one. */
    public Optional<Preset.Criterion> conformityCriterion(Campaign campaign) {
        Preset preset = preset(campaign);
        return preset.scoring() == null || preset.scoring().rubric() == null ? Optional.empty()
                : preset.scoring().rubric().stream().filter(c -> CONFORMITY.equals(c.code())).findFirst();
    }

    /** Points lost per nonconformity (the preset's {@code conformityDeductionPerIssue}, else 1). */
    public int deductionPerIssue(Campaign campaign) {
        Preset preset = preset(campaign);
        Integer value = preset.rules().conformityDeductionPerIssue();
        return value != null ? value : 1;
    }

    /**
     * The Camunda Form judges score in: {@code rubric-score} for a rubric with 规范性 (cs-essay-2018, seed 001),
     * {@code indicator-score} for an indicator rubric (influential-cc-2020), {@code panel-score} (one 0–100 total)
     * without a rubric (most-beautiful-cs-2019). The forms' fields are the criteria codes.
     */
    public String scoreForm(Campaign campaign) {
        if (judgedCriteria(campaign).stream().anyMatch(c -> TOTAL.equals(c.code()))) {
            return "panel-score";
        }
        return conformityCriterion(campaign).isPresent() ? "rubric-score" : "indicator-score";
    }

    /** Lowest and highest points the rubric's bands allow for a criterion (内容性 10–30, 创新性 4–10 ...). */
    public static int[] range(Preset.Criterion criterion) {
        int min = criterion.bands() == null || criterion.bands().isEmpty() ? 0
                : criterion.bands().stream().mapToInt(Preset.Band::from).min().orElse(0);
        int max = criterion.bands() == null || criterion.bands().isEmpty() ? criterion.maxPoints()
                : Math.min(criterion.maxPoints(), criterion.bands().stream().mapToInt(Preset.Band::to).max().orElse(0));
        return new int[] {min, max};
    }

    /** When intake has closed: the end of the preset's intake (or registration) phase. */
    public Date intakeClosesAt(Campaign campaign) {
        return campaign.milestone("intake").or(() -> campaign.milestone("registration"))
                .map(Milestone::getEndsAt).map(t -> Date.from(t.atZone(campaign.zoneId()).toInstant()))
                .orElseGet(() -> Date.from(clock.instant()));
    }

    /** The judges' deadline: the end of the preset's judging phase if still ahead, else N working days from now. */
    public Date scoringDeadline(Campaign campaign) {
        Date now = Date.from(clock.instant());
        return JUDGING_PHASES.stream().map(campaign::milestone).flatMap(Optional::stream).map(Milestone::getEndsAt)
                .filter(t -> t != null).map(t -> Date.from(t.atZone(campaign.zoneId()).toInstant()))
                .filter(d -> d.after(now)).findFirst()
                .orElseGet(() -> calendar.endOfWorkingDays(now, properties.scoringWorkingDays()));
    }
}
