package io.laurel.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.AwardQuotas;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetRules;
import io.laurel.campaign.PresetCatalog;
import io.laurel.nomination.CampaignEntries;
import io.laurel.nomination.NominationStatus;
import io.laurel.onlinevote.OnlineVoteCounts;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link EntryRanking} for association campaigns: reads the entries ({@link CampaignEntries}), the judges' scores and
 * conformity points ({@link JudgingScores}) and the online-vote totals, one query each for the whole campaign, and
 * blends them with the weights of DMN {@code score-weights} ({@link ScoreBlend}), assigns prizes
 * ({@link PrizeAssignment}, quotas from {@code award-quota}), proposes unit prizes ({@link UnitPrizes}) and
 * replaces the campaign's stored results (entry_result, one ranking_run). Idempotent: a second call with the same
 * scores stores the same figures.
 */
@Component
class EntryRankingService implements EntryRanking {

    private static final Logger log = LoggerFactory.getLogger(EntryRankingService.class);

    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final ScoringDecisions decisions;
    private final AwardQuotas quotas;
    private final ScoringSettings settings;
    private final OnlineVoteCounts votes;
    private final CampaignEntries nominations;
    private final JudgingScores judging;
    private final UnitPrizes unitPrizes;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    EntryRankingService(CampaignService campaigns, PresetCatalog presets, ScoringDecisions decisions,
            AwardQuotas quotas, ScoringSettings settings, OnlineVoteCounts votes, CampaignEntries nominations,
            JudgingScores judging, UnitPrizes unitPrizes, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.decisions = decisions;
        this.quotas = quotas;
        this.settings = settings;
        this.votes = votes;
        this.nominations = nominations;
        this.judging = judging;
        this.unitPrizes = unitPrizes;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void rankCampaign(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Preset preset = rulesOf(campaign);
        Map<String, BigDecimal> weights = decisions.weights(campaign.getPresetKey());
        if (weights.isEmpty()) {
            throw new IllegalStateException("Decision score-weights has no row for preset " + campaign.getPresetKey());
        }
        Map<String, BigDecimal> fullMarks = decisions.fullMarks(campaign.getPresetKey());
        Normalisation normalisation = settings.normalisation(campaignId);
        boolean rubricHasConformity = preset.scoring() != null && preset.scoring().rubric() != null
                && preset.scoring().rubric().stream().anyMatch(c -> ScoreBlend.CONFORMITY.equals(c.code()));
        ScoreBlend.Blend blend = ScoreBlend.compute(entries(campaignId), scores(campaignId), weights, fullMarks,
                normalisation, rubricHasConformity, decisions.votePoints(campaign.getPresetKey()));
        Map<Long, List<String>> prizes = prizes(campaign, preset, blend.results());

        jdbc.update("delete from entry_result where campaign_id = ?", campaignId);
        long runId = storeRun(campaignId, normalisation, weights, fullMarks, blend.parameters());
        for (ScoreBlend.Result r : blend.results()) {
            List<String> won = prizes.getOrDefault(r.nominationId(), List.of());
            jdbc.update("""
                    insert into entry_result (campaign_id, nomination_id, run_id, ranking_group, source_scores, weights,
                        judges, final_score, tie_expert, tie_thought, vote_count, vote_rank, vote_points, position,
                        prizes, normalisation) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    campaignId, r.nominationId(), runId, r.group(), write(r.sourceScores()), write(weights),
                    write(r.judges()), r.finalScore(), r.tieExpert(), r.tieThought(), r.votes(), r.voteRank(),
                    r.votePoints(), r.position(), won.isEmpty() ? null : String.join(",", won), normalisation.code());
        }
        unitPrizes.propose(campaignId, preset, blend.results());
        log.info("Campaign {} ranked: {} entries, normalisation {}, weights {}, full marks {}", campaignId,
                blend.results().size(), normalisation.code(), weights, fullMarks);
    }

    /** The campaign's preset snapshot; rules added to the preset file since creation are taken from the file. */
    private Preset rulesOf(Campaign campaign) {
        Preset snapshot = presets.fromJson(campaign.getPresetSnapshot());
        Preset current = presets.find(campaign.getPresetKey()).orElse(snapshot);
        PresetRules rules = presets.overlay(current.rules(), snapshot.rules());
        Preset.Scoring scoring = snapshot.scoring() != null && snapshot.scoring().rubric() != null ? snapshot.scoring()
                : current.scoring();
        return new Preset(snapshot.key(), snapshot.name(), snapshot.kind(), snapshot.seed(), snapshot.timeZone(),
                snapshot.intakeMailbox(), snapshot.channels(), snapshot.awards(), snapshot.timeline(),
                snapshot.materials(), scoring, rules, snapshot.seedNotes());
    }

    /** Nominations that are not out of the running, joined in memory with their votes and conformity points. */
    private List<ScoreBlend.Entry> entries(long campaignId) {
        Map<Long, Long> voteTotals = votes.totals(campaignId);
        Map<Long, BigDecimal> conformity = judging.conformityPoints(campaignId);
        return nominations.of(campaignId).stream().filter(n -> !OUT.contains(n.status()))
                .map(n -> new ScoreBlend.Entry(n.id(), n.awardCode(), n.submittedAt(), n.unitId(),
                        voteTotals.getOrDefault(n.id(), 0L), conformity.get(n.id())))
                .toList();
    }

    private static final Set<NominationStatus> OUT = Set.of(NominationStatus.INELIGIBLE, NominationStatus.DROPPED,
            NominationStatus.WITHDRAWN);

    private List<ScoreBlend.Score> scores(long campaignId) {
        return judging.scores(campaignId).stream().map(s -> new ScoreBlend.Score(s.nominationId(), s.judgeId(),
                s.panel(), s.criterion(), s.points())).toList();
    }

    /**
     * Rank prizes per group: the preset's {@code rankedPrizes} for the group (cs-essay-2018: entry → 一/二/三等奖),
     * else the group's own award when award-quota gives it a quota. Vote prizes from {@code votePrizes}.
     */
    @SuppressWarnings("unchecked")
    private Map<Long, List<String>> prizes(Campaign campaign, Preset preset, List<ScoreBlend.Result> results) {
        Map<String, List<String>> ranked = preset.rules().rankedPrizes() == null ? Map.of()
                : preset.rules().rankedPrizes();
        List<String> voteAwards = preset.rules().votePrizesOrNone();
        Map<Long, List<String>> prizes = new TreeMap<>();
        results.stream().collect(Collectors.groupingBy(ScoreBlend.Result::group, TreeMap::new, Collectors.toList()))
                .forEach((group, list) -> {
                    List<String> awards = ranked.containsKey(group) ? ranked.get(group)
                            : campaign.award(group).isPresent() ? List.of(group) : List.of();
                    PrizeAssignment.byRank(list, quotasOf(campaign, awards)).forEach((id, award) ->
                            prizes.computeIfAbsent(id, x -> new ArrayList<>()).add(award));
                });
        PrizeAssignment.byVotes(results, quotasOf(campaign, voteAwards)).forEach((id, award) ->
                prizes.computeIfAbsent(id, x -> new ArrayList<>()).add(award));
        return prizes;
    }

    private List<PrizeAssignment.Quota> quotasOf(Campaign campaign, List<String> awards) {
        return awards.stream().map(a -> new PrizeAssignment.Quota(a,
                quotas.of(campaign, a).winnersQuota())).toList();
    }

    private long storeRun(long campaignId, Normalisation normalisation, Map<String, BigDecimal> weights,
            Map<String, BigDecimal> fullMarks, List<ScoreBlend.JudgeParameters> parameters) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String weightsId = decisions.definitionId(ScoringDecisions.WEIGHTS);
        String votePointsId = decisions.definitionId(ScoringDecisions.VOTE_POINTS);
        String quotaId = decisions.definitionId(ScoringDecisions.QUOTA);
        Map<String, String> labels = JudgeLabels.assign(parameters, earlierLabels(campaignId));
        String runWeights = write(weights);
        String params = write(parameters.stream().map(p -> new StoredJudge(labels.get(p.judgeId()), p)).toList());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("""
                    insert into ranking_run (campaign_id, normalisation, weights_decision, vote_points_decision,
                        quota_decision, judge_parameters, computed_at, weights, full_marks)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    new String[] {"id"});
            ps.setLong(1, campaignId);
            ps.setString(2, normalisation.code());
            ps.setString(3, weightsId);
            ps.setString(4, votePointsId);
            ps.setString(5, quotaId);
            ps.setString(6, params);
            ps.setTimestamp(7, now);
            ps.setString(8, runWeights);
            ps.setString(9, write(fullMarks));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** A judge's normalisation figures with the label shown to non-staff (ranking_run.judge_parameters). */
    record StoredJudge(String label, ScoreBlend.JudgeParameters figures) {
    }

    private Map<String, String> earlierLabels(long campaignId) {
        Map<String, String> labels = new LinkedHashMap<>();
        jdbc.query("select judge_parameters from ranking_run where campaign_id = ? order by id", rs -> {
            try {
                for (StoredJudge j : json.readValue(rs.getString(1),
                        new com.fasterxml.jackson.core.type.TypeReference<List<StoredJudge>>() { })) {
                    labels.put(j.figures().judgeId(), j.label());
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored judge figures are not valid JSON", e);
            }
        }, campaignId);
        return labels;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write scoring figures as JSON", e);
        }
    }
}
