package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.PresetCatalog;
import io.laurel.contest.ContestStore.Entry;
import io.laurel.contest.ContestStore.Match;
import io.laurel.contest.ContestStore.Round;
import io.laurel.contest.ContestStore.Team;
import io.laurel.contest.ContestStore.TeamStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mechanics of the rounds: draws the next round from the state of the contest, records a match's scores,
 * settles a round (places, who advances, the seeds of the next draw), applies the organisers' cut after the
 * preliminary and says what comes next. The model only loops; which round comes is decided here from the data,
 * so a withdrawal at any moment is simply one team fewer in the next draw.
 */
@Service
class ContestRounds {

    /** Match kinds. */
    static final String GROUP = "GROUP";
    static final String KNOCKOUT = "KNOCKOUT";
    static final String FINAL_MATCH = "FINAL";
    static final String THIRD_PLACE = "THIRD_PLACE";
    static final String BYE = "BYE";

    /** Entry outcomes. */
    static final String PLAYED = "PLAYED";
    static final String ADVANCED = "ADVANCED";
    static final String ELIMINATED = "ELIMINATED";
    static final String WON = "WON";
    static final String LOST = "LOST";
    static final String WITHDRAWN = "WITHDRAWN";

    static final int MAX_SLOTS = 5;

    private final ContestStore store;
    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final StageWeightsTable weights;

    ContestRounds(ContestStore store, CampaignService campaigns, PresetCatalog presets, StageWeightsTable weights) {
        this.store = store;
        this.campaigns = campaigns;
        this.presets = presets;
        this.weights = weights;
    }

    SkillsContest.Rules rules(Campaign campaign) {
        return SkillsContest.Rules.of(presets.fromJson(campaign.getPresetSnapshot()));
    }

    /** A drawn round and the matches judges must score (byes need no score). */
    record Drawn(long roundId, String stage, String name, List<Long> playableMatchIds) {
    }

    @Transactional
    public Drawn drawNext(long campaignId, boolean thirdPlaceMatch) {
        Campaign campaign = campaigns.get(campaignId);
        SkillsContest.Rules rules = rules(campaign);
        List<Round> rounds = store.rounds(campaignId);
        List<Team> active = store.activeBySeed(campaignId);
        Round last = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        int number = rounds.size() + 1;
        if (last == null) {
            return drawPreliminary(campaignId, number, active, rules);
        }
        if (!SkillsContest.FINAL.equals(last.stage()) && active.size() > rules.finalTeams()) {
            return drawSemifinal(campaignId, number, active, rules, rounds);
        }
        if (!SkillsContest.FINAL.equals(last.stage())) {
            return drawFirstFinal(campaignId, number, active);
        }
        return drawNextFinal(campaignId, number, last, thirdPlaceMatch);
    }

    private Drawn drawPreliminary(long campaignId, int number, List<Team> active, SkillsContest.Rules rules) {
        List<Long> ids = active.stream().map(Team::id).toList();
        Map<Long, Integer> seeds = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            store.setStanding(ids.get(i), i + 1);
            seeds.put(ids.get(i), i + 1);
        }
        long roundId = store.insertRound(campaignId, number, SkillsContest.PRELIMINARY, "初赛");
        GroupDraw.Draw draw = GroupDraw.preliminary(ids, rules.groupMax());
        return saveGroups(roundId, SkillsContest.PRELIMINARY, "初赛", draw, seeds);
    }

    private Drawn drawSemifinal(long campaignId, int number, List<Team> active, SkillsContest.Rules rules,
            List<Round> rounds) {
        List<Long> ids = active.stream().map(Team::id).toList();
        Map<Long, Integer> seeds = seedsOf(ids);
        Set<List<Long>> met = new HashSet<>(store.meetings(campaignId, SkillsContest.SEMIFINAL));
        GroupDraw.Draw draw = GroupDraw.semifinal(ids, GroupDraw.Meetings.of(met), rules.finalTeams(),
                rules.groupMin(), rules.groupMax());
        long semifinals = rounds.stream().filter(r -> SkillsContest.SEMIFINAL.equals(r.stage())).count();
        String name = "复赛第" + (semifinals + 1) + "轮";
        long roundId = store.insertRound(campaignId, number, SkillsContest.SEMIFINAL, name);
        return saveGroups(roundId, SkillsContest.SEMIFINAL, name, draw, seeds);
    }

    private Drawn saveGroups(long roundId, String stage, String name, GroupDraw.Draw draw, Map<Long, Integer> seeds) {
        List<Long> playable = new ArrayList<>();
        int position = 1;
        for (List<Long> group : draw.groups()) {
            boolean single = group.size() < 2;
            long matchId = store.insertMatch(roundId, position++, single ? BYE : GROUP, single ? "BYE" : "OPEN");
            group.forEach(teamId -> store.insertEntry(matchId, teamId, seeds.get(teamId)));
            if (!single) {
                playable.add(matchId);
            }
        }
        for (Long teamId : draw.byes()) {
            long matchId = store.insertMatch(roundId, position++, BYE, "BYE");
            store.insertEntry(matchId, teamId, seeds.get(teamId));
        }
        return new Drawn(roundId, stage, name, playable);
    }

    private Drawn drawFirstFinal(long campaignId, int number, List<Team> active) {
        List<Long> ids = active.stream().map(Team::id).toList();
        // Withdrawals may leave fewer than two finalists: the one left (if any) goes through on a bye.
        List<KnockoutDraw.Pairing> pairings = ids.size() < 2
                ? ids.stream().map(id -> new KnockoutDraw.Pairing(id, null)).toList() : KnockoutDraw.firstRound(ids);
        return savePairings(campaignId, number, pairings, seedsOf(ids), null);
    }

    private Drawn drawNextFinal(long campaignId, int number, Round last, boolean thirdPlaceMatch) {
        List<Long> survivors = new ArrayList<>();
        List<Entry> losers = new ArrayList<>();
        Map<Long, Integer> seeds = new HashMap<>();
        for (Match match : store.matches(last.id())) {
            for (Entry entry : store.entries(match.id())) {
                Team team = store.team(entry.teamId()).orElseThrow();
                seeds.put(entry.teamId(), entry.seed());
                if ((WON.equals(entry.outcome()) || BYE.equals(entry.outcome())) && team.status() == TeamStatus.ACTIVE) {
                    survivors.add(entry.teamId());
                } else if (LOST.equals(entry.outcome()) && team.status() != TeamStatus.WITHDRAWN) {
                    losers.add(entry);
                }
            }
        }
        List<Long> thirdPlace = thirdPlaceMatch && survivors.size() == 2 && losers.size() == 2
                ? losers.stream().map(Entry::teamId).toList() : null;
        return savePairings(campaignId, number, KnockoutDraw.nextRound(survivors), seeds, thirdPlace);
    }

    private Drawn savePairings(long campaignId, int number, List<KnockoutDraw.Pairing> pairings,
            Map<Long, Integer> seeds, List<Long> thirdPlace) {
        long teams = pairings.stream().mapToLong(p -> p.bye() ? 1 : 2).sum();
        boolean decider = pairings.size() == 1 && !pairings.get(0).bye();
        String name = decider ? (thirdPlace != null ? "冠亚军决赛及季军赛" : "冠亚军决赛")
                : teams > 4 ? "决赛第一轮（8进4）" : "决赛（4进2）";
        long roundId = store.insertRound(campaignId, number, SkillsContest.FINAL, name);
        List<Long> playable = new ArrayList<>();
        int position = 1;
        for (KnockoutDraw.Pairing pairing : pairings) {
            String kind = pairing.bye() ? BYE : decider ? FINAL_MATCH : KNOCKOUT;
            long matchId = store.insertMatch(roundId, position++, kind, pairing.bye() ? "BYE" : "OPEN");
            store.insertEntry(matchId, pairing.first(), seeds.getOrDefault(pairing.first(), position));
            if (!pairing.bye()) {
                store.insertEntry(matchId, pairing.second(), seeds.getOrDefault(pairing.second(), position));
                playable.add(matchId);
            }
        }
        if (thirdPlace != null) {
            long matchId = store.insertMatch(roundId, position, THIRD_PLACE, "OPEN");
            thirdPlace.forEach(teamId -> store.insertEntry(matchId, teamId, seeds.get(teamId)));
            playable.add(matchId);
        }
        return new Drawn(roundId, SkillsContest.FINAL, name, playable);
    }

    private static Map<Long, Integer> seedsOf(List<Long> idsBySeed) {
        Map<Long, Integer> seeds = new HashMap<>();
        for (int i = 0; i < idsBySeed.size(); i++) {
            seeds.put(idsBySeed.get(i), i + 1);
        }
        return seeds;
    }

    /** The teams of a match as the scoring form shows them: slot number → team, in seed order. */
    @Transactional(readOnly = true)
    public Map<Integer, Team> slots(long matchId) {
        Map<Integer, Team> slots = new LinkedHashMap<>();
        int slot = 1;
        for (Entry entry : store.entries(matchId)) {
            slots.put(slot++, store.team(entry.teamId()).orElseThrow());
        }
        return slots;
    }

    @Transactional(readOnly = true)
    public String matchTitle(long matchId) {
        Match match = store.match(matchId);
        Round round = store.round(match.roundId());
        String what = switch (match.kind()) {
            case FINAL_MATCH -> "冠亚军决赛";
            case THIRD_PLACE -> "季军赛";
            case KNOCKOUT -> "第" + match.position() + "场";
            default -> "第" + match.position() + "组";
        };
        return round.name() + " " + what;
    }

    /**
     * Records a judge's scores of a match. {@code scores}: slot → (theory, lookup, role play), each 0–100; a team
     * that withdrew meanwhile needs none and is skipped. Wrong input is refused with a Chinese message (Tasklist
     * shows it and the task stays open).
     */
    @Transactional
    public void recordScores(long matchId, Map<Integer, MatchScoring.StageScores> scores, String judge) {
        Match match = store.match(matchId);
        Round round = store.round(match.roundId());
        Campaign campaign = campaigns.get(round.campaignId());
        MatchScoring.StageWeights w = weights.weights(campaign.getPresetKey(), round.stage());
        Map<Integer, Team> slots = slots(matchId);
        for (Map.Entry<Integer, Team> slot : slots.entrySet()) {
            Team team = slot.getValue();
            if (team.status() == TeamStatus.WITHDRAWN) {
                continue;
            }
            MatchScoring.StageScores s = scores.get(slot.getKey());
            if (s == null || s.theory() == null || s.lookup() == null || s.rolePlay() == null) {
                throw new ProcessEngineException("请填写队伍「" + team.name() + "」三个环节的得分");
            }
            for (BigDecimal points : List.of(s.theory(), s.lookup(), s.rolePlay())) {
                if (points.signum() < 0 || points.compareTo(MatchScoring.MAX_POINTS) > 0) {
                    throw new ProcessEngineException("队伍「" + team.name() + "」的得分 " + points.toPlainString()
                            + " 超出范围，每个环节的得分应在 0 至 100 之间");
                }
            }
            store.score(matchId, team.id(), s.theory(), s.lookup(), s.rolePlay(), w.total(s));
        }
        store.setMatchScored(matchId, judge);
    }

    @Transactional
    public void settle(long roundId) {
        Round round = store.round(roundId);
        List<MatchScoring.Result> advancing = new ArrayList<>();
        List<Entry> byes = new ArrayList<>();
        List<MatchScoring.Result> everyone = new ArrayList<>();
        for (Match match : store.matches(roundId)) {
            List<Entry> entries = store.entries(match.id());
            List<MatchScoring.Result> played = new ArrayList<>();
            boolean someoneWithdrew = false;
            for (Entry entry : entries) {
                Team team = store.team(entry.teamId()).orElseThrow();
                if (team.status() == TeamStatus.WITHDRAWN) {
                    someoneWithdrew = true;
                    store.settle(match.id(), entry.teamId(), null, WITHDRAWN);
                } else if (BYE.equals(match.kind())) {
                    store.settle(match.id(), entry.teamId(), null, BYE);
                    byes.add(entry);
                } else {
                    played.add(result(entry));
                }
            }
            List<MatchScoring.Result> ranked = MatchScoring.rank(played);
            everyone.addAll(ranked);
            for (int i = 0; i < ranked.size(); i++) {
                long teamId = ranked.get(i).teamId();
                String outcome = outcome(round.stage(), match.kind(), i, ranked.size(), someoneWithdrew);
                store.settle(match.id(), teamId, i + 1, outcome);
                if (ELIMINATED.equals(outcome) || LOST.equals(outcome)) {
                    store.setStatus(teamId, TeamStatus.ELIMINATED);
                } else {
                    advancing.add(ranked.get(i));
                }
            }
        }
        if (SkillsContest.PRELIMINARY.equals(round.stage())) {
            List<MatchScoring.Result> all = MatchScoring.rank(everyone);
            for (int i = 0; i < all.size(); i++) {
                store.setStanding(all.get(i).teamId(), i + 1);
            }
        } else if (SkillsContest.SEMIFINAL.equals(round.stage())) {
            // Seeds of the next round: the byes (the best seeds) first, then the others by this round's results.
            int standing = 1;
            for (Entry bye : byes.stream().sorted((a, b) -> Integer.compare(a.seed(), b.seed())).toList()) {
                store.setStanding(bye.teamId(), standing++);
            }
            for (MatchScoring.Result r : MatchScoring.rank(advancing)) {
                store.setStanding(r.teamId(), standing++);
            }
        }
        store.setRoundStatus(roundId, "SETTLED");
    }

    private static String outcome(String stage, String kind, int place, int players, boolean someoneWithdrew) {
        if (SkillsContest.PRELIMINARY.equals(stage)) {
            return PLAYED;
        }
        if (SkillsContest.SEMIFINAL.equals(stage)) {
            // The lowest of the group is out, unless a withdrawal already made the group one team smaller.
            return !someoneWithdrew && players > 1 && place == players - 1 ? ELIMINATED : ADVANCED;
        }
        return place == 0 ? WON : LOST;
    }

    private static MatchScoring.Result result(Entry e) {
        MatchScoring.StageScores scores = new MatchScoring.StageScores(zero(e.theory()), zero(e.lookup()),
                zero(e.rolePlay()));
        return new MatchScoring.Result(e.teamId(), e.seed(), scores, zero(e.total()));
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** The preliminary ranking for the organisers' task, one line per team. */
    @Transactional(readOnly = true)
    public String ranking(long campaignId) {
        StringBuilder text = new StringBuilder();
        for (Team team : store.activeBySeed(campaignId)) {
            text.append("第").append(team.standing()).append("名  ").append(team.name()).append("（")
                    .append(team.organisation()).append("）");
            lastEntry(team.id()).ifPresent(e -> text.append("  加权总分 ").append(e.total().toPlainString())
                    .append("（理论 ").append(e.theory().toPlainString()).append(" / 检索 ")
                    .append(e.lookup().toPlainString()).append(" / 情景演练 ").append(e.rolePlay().toPlainString())
                    .append("）"));
            text.append('\n');
        }
        return text.toString();
    }

    private java.util.Optional<Entry> lastEntry(long teamId) {
        return store.entriesOfTeam(teamId).stream().filter(e -> e.total() != null).reduce((a, b) -> b);
    }

    /** The organisers' cut after the preliminary: the best {@code advance} teams go on, the rest are out. */
    @Transactional
    public void applyAdvanceCount(long roundId, Number advance) {
        Round round = store.round(roundId);
        List<Team> ranked = store.activeBySeed(round.campaignId());
        int min = Math.min(2, ranked.size());
        if (advance == null || advance.intValue() < min || advance.intValue() > ranked.size()) {
            throw new ProcessEngineException("晋级队伍数应在 " + min + " 至 " + ranked.size() + " 之间（初赛共有 "
                    + ranked.size() + " 支队伍完赛）");
        }
        Map<Long, Long> matchOf = new HashMap<>();
        for (Match match : store.matches(roundId)) {
            store.entries(match.id()).forEach(e -> matchOf.put(e.teamId(), match.id()));
        }
        for (int i = 0; i < ranked.size(); i++) {
            Team team = ranked.get(i);
            boolean goesOn = i < advance.intValue();
            if (!goesOn) {
                store.setStatus(team.id(), TeamStatus.ELIMINATED);
            }
            Long matchId = matchOf.get(team.id());
            if (matchId != null) {
                Entry entry = store.entries(matchId).stream().filter(e -> e.teamId() == team.id()).findFirst()
                        .orElseThrow();
                store.settle(matchId, team.id(), entry.place(), goesOn ? ADVANCED : ELIMINATED);
            }
        }
    }

    @Transactional(readOnly = true)
    public String nextStep(long roundId) {
        Round round = store.round(roundId);
        Campaign campaign = campaigns.get(round.campaignId());
        int active = store.activeBySeed(round.campaignId()).size();
        if (SkillsContest.FINAL.equals(round.stage())) {
            boolean decided = store.matches(roundId).stream().anyMatch(m -> FINAL_MATCH.equals(m.kind()));
            return decided || active <= 1 ? SkillsContest.FINISHED : SkillsContest.NEXT_ROUND;
        }
        if (active <= 1) {
            return SkillsContest.FINISHED;
        }
        if (active > rules(campaign).finalTeams()) {
            return SkillsContest.PRELIMINARY.equals(round.stage()) ? SkillsContest.TO_SEMIFINAL
                    : SkillsContest.NEXT_ROUND;
        }
        return SkillsContest.TO_FINAL;
    }
}
