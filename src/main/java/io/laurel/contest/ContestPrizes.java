package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.contest.ContestStore.Entry;
import io.laurel.contest.ContestStore.Match;
import io.laurel.contest.ContestStore.Round;
import io.laurel.contest.ContestStore.Team;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prizes of the contest (seed 004): champion, runner-up and third place from the final's matches, a certificate
 * for every team that reached the final, and the best individual chosen by the judges among the finalists'
 * members. Without a third-place match, third place goes to the better of the two semifinal losers of the final
 * (by their weighted total, with the usual tie-breaks).
 */
@Service
class ContestPrizes {

    static final String PRIZE = "PRIZE";
    static final String CERTIFICATE = "CERTIFICATE";
    static final String FINALIST = "finalist";

    private final ContestStore store;
    private final CampaignService campaigns;
    private final MailService mail;
    private final GroupRecipients groups;

    ContestPrizes(ContestStore store, CampaignService campaigns, MailService mail, GroupRecipients groups) {
        this.store = store;
        this.campaigns = campaigns;
        this.mail = mail;
        this.groups = groups;
    }

    /** Award code → team, in prize order, as decided by the final. */
    Map<String, Long> podium(long campaignId) {
        Map<String, Long> podium = new LinkedHashMap<>();
        List<Round> finals = store.rounds(campaignId).stream().filter(r -> SkillsContest.FINAL.equals(r.stage()))
                .toList();
        if (finals.isEmpty()) {
            // The contest ended before a final (withdrawals): the one team left is the champion.
            store.activeBySeed(campaignId).stream().findFirst().ifPresent(t -> podium.put("champion", t.id()));
            return podium;
        }
        Round last = finals.get(finals.size() - 1);
        for (Match match : store.matches(last.id())) {
            for (Entry e : store.entries(match.id())) {
                if (ContestRounds.FINAL_MATCH.equals(match.kind())) {
                    if (ContestRounds.WON.equals(e.outcome())) {
                        podium.put("champion", e.teamId());
                    } else if (ContestRounds.LOST.equals(e.outcome())) {
                        podium.put("runner-up", e.teamId());
                    }
                } else if (ContestRounds.THIRD_PLACE.equals(match.kind()) && ContestRounds.WON.equals(e.outcome())) {
                    podium.put("third-place", e.teamId());
                } else if (!ContestRounds.THIRD_PLACE.equals(match.kind())
                        && (ContestRounds.WON.equals(e.outcome()) || ContestRounds.BYE.equals(e.outcome()))) {
                    podium.putIfAbsent("champion", e.teamId());
                }
            }
        }
        if (!podium.containsKey("third-place") && finals.size() > 1 && podium.containsKey("runner-up")) {
            Round semis = finals.get(finals.size() - 2);
            List<MatchScoring.Result> losers = new ArrayList<>();
            for (Match match : store.matches(semis.id())) {
                for (Entry e : store.entries(match.id())) {
                    boolean withdrawn = store.team(e.teamId()).orElseThrow().status() == ContestStore.TeamStatus.WITHDRAWN;
                    if (ContestRounds.LOST.equals(e.outcome()) && !withdrawn && e.total() != null) {
                        losers.add(new MatchScoring.Result(e.teamId(), e.seed(),
                                new MatchScoring.StageScores(e.theory(), e.lookup(), e.rolePlay()), e.total()));
                    }
                }
            }
            MatchScoring.rank(losers).stream().findFirst().ifPresent(r -> podium.put("third-place", r.teamId()));
        }
        return podium;
    }

    /** Teams that played in the first round of the final (or the champion alone when there was none). */
    List<Team> finalists(long campaignId) {
        Set<Long> ids = new LinkedHashSet<>();
        store.rounds(campaignId).stream().filter(r -> SkillsContest.FINAL.equals(r.stage())).findFirst()
                .ifPresent(first -> store.matches(first.id())
                        .forEach(m -> store.entries(m.id()).forEach(e -> ids.add(e.teamId()))));
        if (ids.isEmpty()) {
            podium(campaignId).values().forEach(ids::add);
        }
        return ids.stream().map(id -> store.team(id).orElseThrow()).toList();
    }

    /** Records the team prizes and a certificate per finalist, and mails each finalist its certificate. */
    @Transactional
    public void award(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<String, Long> podium = podium(campaignId);
        podium.forEach((code, teamId) -> store.insertAward(campaignId, PRIZE, code, teamId, null));
        int number = 1;
        for (Team team : finalists(campaignId)) {
            store.insertAward(campaignId, CERTIFICATE, FINALIST, team.id(), null);
            String prize = podium.entrySet().stream().filter(e -> e.getValue() == team.id()).map(Map.Entry::getKey)
                    .findFirst().flatMap(code -> campaign.award(code)).map(a -> a.getName() + "：" + a.getPrize())
                    .orElse(null);
            Map<String, Object> model = new java.util.HashMap<>();
            model.put("campaignName", campaign.getName());
            model.put("teamName", team.name());
            model.put("organisation", team.organisation());
            model.put("members", String.join("、", store.members(team.id()).stream().map(m -> m.name()).toList()));
            model.put("honour", prize == null ? "进入巅峰决赛" : "荣获" + prize.substring(0, prize.indexOf('：')));
            model.put("prize", prize);
            model.put("certificateNo", campaignId + "-" + String.format("%02d", number++));
            mail.queue(team.contactEmail(), "contest-certificate", model);
        }
    }

    /** The finalists' members as options of the best-individual form ({@code label}, {@code value} = member id). */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> bestIndividualOptions(long campaignId) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (Team team : finalists(campaignId)) {
            store.members(team.id()).forEach(m -> options.add(Map.of("label",
                    m.name() + "（" + team.name() + "·" + team.organisation() + "）", "value", String.valueOf(m.id()))));
        }
        return options;
    }

    @Transactional
    public void recordBestIndividual(long campaignId, Object memberValue) {
        long memberId;
        try {
            memberId = Long.parseLong(String.valueOf(memberValue));
        } catch (NumberFormatException e) {
            throw new ProcessEngineException("请从决赛队伍的成员中选择最佳个人");
        }
        ContestStore.Member member = store.member(memberId)
                .orElseThrow(() -> new ProcessEngineException("请从决赛队伍的成员中选择最佳个人"));
        if (finalists(campaignId).stream().noneMatch(t -> t.id() == member.teamId())) {
            throw new ProcessEngineException("「" + member.name() + "」不是决赛队伍的成员，最佳个人只能在决赛席成员中产生");
        }
        store.insertAward(campaignId, PRIZE, "best-individual", member.teamId(), memberId);
    }

    /** Announces the prizes to the finalists and the judges and closes the campaign. */
    @Transactional
    public void announce(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<String> lines = new ArrayList<>();
        for (ContestStore.Award award : store.awards(campaignId)) {
            if (!PRIZE.equals(award.kind())) {
                continue;
            }
            Team team = store.team(award.teamId()).orElseThrow();
            String name = campaign.award(award.awardCode()).map(a -> a.getName()).orElse(award.awardCode());
            Optional<ContestStore.Member> member = Optional.ofNullable(award.memberId()).flatMap(store::member);
            lines.add(name + "：" + member.map(m -> m.name() + "（" + team.name() + "）")
                    .orElse(team.name() + "（" + team.organisation() + "）"));
        }
        List<Team> finalists = finalists(campaignId);
        Map<String, Object> model = Map.of("campaignName", campaign.getName(), "prizes", lines, "finalists",
                finalists.stream().map(t -> t.name() + "（" + t.organisation() + "）").toList());
        Set<String> recipients = new LinkedHashSet<>();
        finalists.forEach(t -> recipients.add(t.contactEmail()));
        recipients.addAll(groups.of(ContestReminderAudience.JUDGES));
        recipients.forEach(to -> mail.queue(to, "contest-prizes", model));
        campaign.markClosed();
    }
}
