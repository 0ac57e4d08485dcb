package io.laurel.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.PresetCatalog;
import io.laurel.nomination.CampaignEntries;
import io.laurel.unit.UnitNames;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored results of an association campaign as staff and judges read them: per entry every source score,
 * every judge's marks, the weights, the normalisation and its per-judge figures, and the DMN decision definitions
 * used — enough to recompute any number by hand. Judge ids are shown to staff only; everyone else sees the labels
 * of {@link JudgeLabels} (专家评委1, 专业观众评委2, ...).
 */
@Service
public class AssociationResults {

    static final String FORMULA = "评委总分 = 各评分项分数之和（评分表含规范性且评委未单独打分时，加上工作人员确认的规范性得分）；"
            + "Z 分数标准化：标准化分 = 组内全部总分均值 + 组内全部总分标准差 × (评委总分 − 该评委均值) / 该评委标准差"
            + "（总体标准差；评委标准差为 0 时取组内均值）；各评委组得分 = 该组评委（标准化）总分的平均；网络投票得分 = 按票数名次查投票名次得分表"
            + "（票数相同名次并列取较好名次）；其他来源 = 该评分项全部评委分数的平均；"
            + "最终得分 = Σ 权重 × 来源得分 × 100 ÷ 来源满分（评分权重表；满分时计入权重 × 100 分，未设满分的来源计入 权重 × 来源得分）；"
            + "来源得分与最终得分四舍五入保留4位小数，最终得分由已取整的来源得分计算。同分依次比较：专家（评审组）得分、思想性、提交时间、提名编号。";

    public record JudgeMarks(String judge, String panel, Map<String, BigDecimal> criteria, BigDecimal total,
            BigDecimal normalised) {
    }

    public record JudgeFigures(String judge, String panel, int entries, BigDecimal mean, BigDecimal sd,
            BigDecimal panelMean, BigDecimal panelSd) {
    }

    public record Prize(String code, String name) {
    }

    public record EntryRow(int position, long nominationId, String candidateName, String unitName,
            BigDecimal finalScore, Map<String, BigDecimal> sourceScores, long votes, int voteRank,
            BigDecimal votePoints, BigDecimal tieExpertScore, BigDecimal tieThoughtScore, List<Prize> prizes,
            List<JudgeMarks> judges) {
    }

    public record Group(String group, String groupName, List<EntryRow> entries) {
    }

    public record UnitPrizeRow(String awardCode, String awardName, long unitId, String unitName, int proposalRank,
            int entries, BigDecimal meanFinalScore, Integer bestPosition, int forwards, int readers,
            BigDecimal guidanceScore, String status, String decidedBy, Instant decidedAt) {
    }

    public record Decisions(String scoreWeights, String votePoints, String awardQuota) {
    }

    /**
     * @param names    Chinese names of the sources and rubric criteria (codes in the figures)
     * @param warnings what a reader should know before trusting the list (Chinese): no vote imported yet, entries
     *                 a panel has not scored (that source counts 0)
     */
    /**
     * @param fullMarks    full marks (满分) per source where DMN score-weights gives one
     * @param finalFormula this campaign's final score in its own figures, e.g. 最终得分 = 70% × 专家评分 × 100 ÷ 100 + …
     * @param weightsNote  where the seed gives no weights (preset seedNotes.weights): whether the weights used are
     *                     Laurel's defaults or the ones staff set in DMN score-weights; null where the seed gives them
     */
    public record Results(long campaignId, String campaignName, String presetKey, String kind, Instant computedAt,
            String normalisation, Map<String, BigDecimal> weights, Map<String, BigDecimal> fullMarks,
            String finalFormula, String weightsNote, Decisions decisions, boolean judgeIdsVisible, String formula, Map<String, String> names, List<JudgeFigures> judgeFigures, List<Group> groups,
            List<UnitPrizeRow> unitPrizes, List<String> warnings) {
    }

    static final Map<String, String> SOURCE_NAMES = Map.of("expert", "专家评分", "audience", "专业观众评分",
            "panel", "评审组评分", "onlineVote", "网络投票得分");

    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ScoringDecisions decisions;
    private final CampaignEntries nominations;
    private final UnitNames units;

    AssociationResults(CampaignService campaigns, PresetCatalog presets, JdbcTemplate jdbc, ObjectMapper json,
            ScoringDecisions decisions, CampaignEntries nominations, UnitNames units) {
        this.campaigns = campaigns;
        this.nominations = nominations;
        this.units = units;
        this.presets = presets;
        this.jdbc = jdbc;
        this.json = json;
        this.decisions = decisions;
    }

    /** The results; {@code computedAt} is null and the lists are empty until EntryRanking has run. */
    @Transactional(readOnly = true)
    public Results of(long campaignId, boolean showJudgeIds) {
        Campaign campaign = campaigns.get(campaignId);
        List<Map<String, Object>> runs = jdbc.queryForList("select * from ranking_run where campaign_id = ? "
                + "order by id desc limit 1", campaignId);
        if (runs.isEmpty()) {
            return new Results(campaignId, campaign.getName(), campaign.getPresetKey(), campaign.getKind().name(), null,
                    null, Map.of(), Map.of(), null, null, null, showJudgeIds, FORMULA, names(campaign), List.of(), List.of(), List.of(),
                    List.of("尚未计算结果"));
        }
        Map<String, Object> run = runs.get(0);
        List<EntryRankingService.StoredJudge> stored = read((String) value(run, "judge_parameters"),
                new TypeReference<>() { });
        Map<String, String> labels = new LinkedHashMap<>();
        stored.forEach(j -> labels.put(j.figures().judgeId(), showJudgeIds ? j.figures().judgeId() : j.label()));
        List<ScoreBlend.JudgeParameters> parameters = stored.stream().map(EntryRankingService.StoredJudge::figures)
                .toList();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (value(run, "weights") instanceof String runWeights) {
            weights.putAll(read(runWeights, new TypeReference<LinkedHashMap<String, BigDecimal>>() { }));
        }
        Map<String, BigDecimal> fullMarks = new LinkedHashMap<>();
        if (value(run, "full_marks") instanceof String runFullMarks) {
            fullMarks.putAll(read(runFullMarks, new TypeReference<LinkedHashMap<String, BigDecimal>>() { }));
        }
        Map<String, List<EntryRow>> groups = new TreeMap<>();
        // Candidate and unit names come from their owners, one query each for the whole campaign; an entry whose
        // nomination is gone is left out, as the inner join did before.
        Map<Long, CampaignEntries.Entry> entries = new HashMap<>();
        nominations.of(campaignId).forEach(n -> entries.put(n.id(), n));
        Map<Long, String> unitNames = units.of(campaignId);
        jdbc.query("""
                select r.ranking_group, r.position, r.nomination_id, r.final_score,
                       r.source_scores, r.vote_count, r.vote_rank, r.vote_points, r.tie_expert, r.tie_thought,
                       r.prizes, r.judges, r.weights
                from entry_result r
                where r.campaign_id = ? order by r.ranking_group, r.position""", rs -> {
            CampaignEntries.Entry entry = entries.get(rs.getLong(3));
            if (entry == null) {
                return;
            }
            if (weights.isEmpty()) {
                weights.putAll(read(rs.getString(13), new TypeReference<LinkedHashMap<String, BigDecimal>>() { }));
            }
            List<ScoreBlend.JudgeMark> marks = read(rs.getString(12), new TypeReference<>() { });
            List<Prize> prizes = rs.getString(11) == null ? List.of() : Arrays.stream(rs.getString(11).split(","))
                    .map(code -> new Prize(code, campaign.award(code).map(a -> a.getName()).orElse(code))).toList();
            groups.computeIfAbsent(rs.getString(1), g -> new ArrayList<>()).add(new EntryRow(rs.getInt(2),
                    rs.getLong(3), entry.candidateName(), entry.unitId() == null ? null : unitNames.get(entry.unitId()),
                    rs.getBigDecimal(4),
                    read(rs.getString(5), new TypeReference<LinkedHashMap<String, BigDecimal>>() { }), rs.getLong(6),
                    rs.getInt(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), prizes,
                    marks.stream().map(m -> new JudgeMarks(labels.getOrDefault(m.judgeId(), m.judgeId()), m.panel(),
                            m.criteria(), m.total(), m.normalised()))
                            .sorted(Comparator.comparing(JudgeMarks::panel).thenComparing(JudgeMarks::judge)).toList()));
        }, campaignId);
        List<JudgeFigures> figures = parameters.stream().map(p -> new JudgeFigures(labels.get(p.judgeId()), p.panel(),
                p.entries(), p.mean(), p.sd(), p.panelMean(), p.panelSd()))
                .sorted(Comparator.comparing(JudgeFigures::panel).thenComparing(JudgeFigures::judge)).toList();
        List<Group> groupList = groups.entrySet().stream().map(g -> new Group(g.getKey(), groupName(campaign,
                g.getKey()), g.getValue())).toList();
        Decisions decisions = new Decisions((String) value(run, "weights_decision"),
                (String) value(run, "vote_points_decision"), (String) value(run, "quota_decision"));
        Object computedAt = value(run, "computed_at");
        return new Results(campaignId, campaign.getName(), campaign.getPresetKey(), campaign.getKind().name(),
                computedAt instanceof java.sql.Timestamp t ? t.toInstant() : null,
                (String) value(run, "normalisation"), weights, fullMarks,
                finalFormula(weights, fullMarks, names(campaign)),
                weightsNote(campaign, weights, decisions.scoreWeights()), decisions, showJudgeIds, FORMULA, names(campaign),
                figures, groupList, unitPrizes(campaign), warnings(weights, groupList));
    }

    /**
     * Where the seed gives no weights (preset {@code seedNotes.weights}, seed 003): says whether the campaign was
     * scored with Laurel's default weights (the score-weights table as shipped) or with weights staff set in the
     * deployed table, naming the definition used. Null where the seed gives the weights.
     */
    String weightsNote(Campaign campaign, Map<String, BigDecimal> weights, String definition) {
        Object seedSays = presets.find(campaign.getPresetKey()).map(p -> p.seedNotes().get("weights"))
                .orElseGet(() -> presets.fromJson(campaign.getPresetSnapshot()).seedNotes().get("weights"));
        if (seedSays == null || weights.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> shipped = decisions.shippedWeights(campaign.getPresetKey());
        boolean defaults = shipped.size() == weights.size() && weights.entrySet().stream().allMatch(w ->
                shipped.containsKey(w.getKey()) && shipped.get(w.getKey()).compareTo(w.getValue()) == 0);
        String table = "决策表 score-weights" + (definition == null ? "" : "（" + definition + "）");
        return seedSays + "。" + (defaults
                ? "本次计算采用的是 Laurel 的默认权重（" + table + "），并非评选主办方规定；主办方如有权重，应在评分前由工作人员在该决策表中设定。"
                : "本次计算采用的权重由工作人员在" + table + "中设定，不是 Laurel 的默认值。");
    }

    /** The weights note of a campaign's latest results, for the published notice; null where there is none. */
    @Transactional(readOnly = true)
    public String weightsNote(long campaignId) {
        return of(campaignId, false).weightsNote();
    }

    /**
     * The final score in this campaign's figures: "最终得分 = 70% × 专家评分 × 100 ÷ 100 + 10% × 专业观众评分 × 100 ÷ 100 +
     * 20% × 网络投票得分 × 100 ÷ 20（…满分时计入…）".
     */
    static String finalFormula(Map<String, BigDecimal> weights, Map<String, BigDecimal> fullMarks,
            Map<String, String> names) {
        if (weights.isEmpty()) {
            return null;
        }
        List<String> terms = new ArrayList<>();
        List<String> atFull = new ArrayList<>();
        weights.forEach((source, weight) -> {
            String name = names.getOrDefault(source, source);
            String percent = weight.multiply(ScoreBlend.HUNDRED).stripTrailingZeros().toPlainString() + "%";
            BigDecimal full = fullMarks.get(source);
            if (full == null) {
                terms.add(percent + " × " + name);
            } else {
                terms.add(percent + " × " + name + " × 100 ÷ " + full.stripTrailingZeros().toPlainString());
                atFull.add(name + "满" + full.stripTrailingZeros().toPlainString() + "分计入"
                        + weight.multiply(ScoreBlend.HUNDRED).stripTrailingZeros().toPlainString() + "分");
            }
        });
        return "最终得分 = " + String.join(" + ", terms) + (atFull.isEmpty() ? "" : "（" + String.join("，", atFull) + "）");
    }

    static List<String> warnings(Map<String, BigDecimal> weights, List<Group> groups) {
        List<String> warnings = new ArrayList<>();
        List<EntryRow> all = groups.stream().flatMap(g -> g.entries().stream()).toList();
        if (weights.containsKey(ScoreBlend.ONLINE_VOTE) && !all.isEmpty() && all.stream().allMatch(e -> e.votes() == 0)) {
            warnings.add("尚未导入网络投票：所有作品票数为0，并列第1名，网络投票得分相同");
        }
        for (String panel : weights.keySet()) {
            if (!ScoreBlend.PANELS.contains(panel)) {
                continue;
            }
            List<String> missing = all.stream().filter(e -> e.judges().stream().noneMatch(j -> j.panel().equals(panel)))
                    .map(e -> e.candidateName() + "（" + e.nominationId() + "）").toList();
            if (!missing.isEmpty()) {
                warnings.add(JudgeLabels.prefix(panel).replace("评委", "") + "评委组未评分、该项按0分计的作品："
                        + String.join("、", missing));
            }
        }
        return warnings;
    }

    private Map<String, String> names(Campaign campaign) {
        Map<String, String> names = new LinkedHashMap<>(SOURCE_NAMES);
        var scoring = presets.fromJson(campaign.getPresetSnapshot()).scoring();
        if (scoring != null && scoring.rubric() != null) {
            scoring.rubric().forEach(c -> names.put(c.code(), c.name()));
        }
        return names;
    }

    /** The unit prize rows with the unit's name; a row of a unit not in the campaign is left out (as the join did). */
    private List<UnitPrizeRow> unitPrizes(Campaign campaign) {
        Map<Long, String> unitNames = units.of(campaign.getId());
        return jdbc.query("""
                select p.award_code, p.unit_id, p.proposal_rank, p.entries, p.mean_final_score,
                       p.best_position, p.forwards, p.readers, p.guidance_score, p.status, p.decided_by, p.decided_at
                from unit_prize p
                where p.campaign_id = ? order by p.award_code, p.proposal_rank""", (rs, i) -> {
            String unitName = unitNames.get(rs.getLong(2));
            if (unitName == null) {
                return null;
            }
            int best = rs.getInt(6);
            Integer bestPosition = rs.wasNull() ? null : best;
            return new UnitPrizeRow(rs.getString(1), campaign.award(rs.getString(1)).map(a -> a.getName())
                    .orElse(rs.getString(1)), rs.getLong(2), unitName, rs.getInt(3), rs.getInt(4),
                    rs.getBigDecimal(5), bestPosition, rs.getInt(7), rs.getInt(8), rs.getBigDecimal(9),
                    rs.getString(10), rs.getString(11),
                    rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant());
        }, campaign.getId()).stream().filter(java.util.Objects::nonNull).toList();
    }

    private static String groupName(Campaign campaign, String group) {
        if ("entry".equals(group)) {
            return "参赛作品";
        }
        return campaign.award(group).map(a -> a.getName()).orElse(group);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scoring figures are not valid JSON", e);
        }
    }

    static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
