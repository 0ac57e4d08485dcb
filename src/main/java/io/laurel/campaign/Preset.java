package io.laurel.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A ready-made campaign, read from {@code presets/<key>.json}. Everything a seed document fixes lives
 * here as data, so a new campaign is a new file, not new code. Quotas and per-unit limits are not here:
 * they are rows of the DMN {@code award-quota}.
 *
 * @param key       preset key, also the file name
 * @param name      Chinese campaign name shown to users
 * @param kind      company or association campaign
 * @param seed      the source document under {@code shared/seeds} the preset was drawn from
 * @param timeZone  zone the timeline is stated in
 * @param channels  the nomination channels the campaign accepts
 * @param awards    the awards, in display order
 * @param timeline  phases and key dates in the seed's own year; shifted when a campaign is created
 * @param materials what each candidate, entry or unit must hand in
 * @param scoring   the evaluation's method and rubric (weights are DMN tables: score-weights, contest-stage-weights)
 * @param rules     the campaign's numbers and switches that code acts on, typed
 * @param seedNotes the seed's wording that people read and no code acts on (eligibility text, prize payment ...)
 */
public record Preset(
        String key,
        String name,
        CampaignKind kind,
        String seed,
        String timeZone,
        String intakeMailbox,
        List<String> channels,
        List<Award> awards,
        List<Phase> timeline,
        List<MaterialRule> materials,
        Scoring scoring,
        PresetRules rules,
        Map<String, Object> seedNotes) {

    // Read-only views: a parsed snapshot is shared between callers (PresetCatalog caches it by its JSON).
    public Preset {
        channels = readOnly(channels);
        awards = readOnly(awards);
        timeline = readOnly(timeline);
        materials = readOnly(materials);
        rules = rules == null ? PresetRules.NONE : rules;
        seedNotes = seedNotes == null ? Map.of() : Collections.unmodifiableMap(seedNotes);
    }

    static <T> List<T> readOnly(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(list);
    }

    /** The first date of the timeline: the date a campaign's {@code startsOn} moves. */
    public LocalDate firstDate() {
        return timeline.stream().map(Phase::startsAt).min(Comparator.naturalOrder()).orElseThrow()
                .toLocalDate();
    }

    /** One award of the preset; {@code prize} is the seed's wording, {@code prizeAmountYuan} the cash part. */
    public record Award(String code, String name, AwardSubject subject, String prize, Integer prizeAmountYuan) {
    }

    /** A phase ({@code endsAt} set) or a single key date ({@code endsAt} null), local to the preset's zone. */
    public record Phase(String code, String name, LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    /**
     * A material requirement. Only the fields a seed states are set; the rest stay null.
     *
     * @param scope        APPLICANT (per candidate or entry), UNIT (once per unit package) or TEAM
     * @param formats      accepted file types by extension/type name, e.g. ["pdf"], ["mp4"], ["doc","docx"]
     * @param namingPattern how the file or folder must be named, in the seed's words
     */
    public record MaterialRule(
            String code,
            String name,
            String scope,
            boolean required,
            Integer minCount,
            List<String> formats,
            Long minSizeBytes,
            Long maxSizeBytes,
            Integer minDurationSeconds,
            Integer maxDurationSeconds,
            Integer minWidth,
            Integer minHeight,
            List<String> aspectRatios,
            Integer minChars,
            Integer maxChars,
            String namingPattern,
            String note) {

        public MaterialRule {
            formats = readOnly(formats);
            aspectRatios = readOnly(aspectRatios);
        }
    }

    /**
     * How entries are scored: the method and the criteria judges score. The weights by source or indicator are rows
     * of the DMN tables score-weights and contest-stage-weights, their one home.
     */
    public record Scoring(String method, List<Criterion> rubric) {

        public Scoring {
            rubric = readOnly(rubric);
        }
    }

    /** A rubric criterion with its maximum points and the seed's band descriptions. */
    public record Criterion(String code, String name, int maxPoints, List<Band> bands) {

        public Criterion {
            bands = readOnly(bands);
        }
    }

    public record Band(int from, int to, String description) {
    }
}
