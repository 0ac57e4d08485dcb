package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.Milestone;
import io.laurel.contest.ContestStore.Entry;
import io.laurel.contest.ContestStore.Match;
import io.laurel.contest.ContestStore.Round;
import io.laurel.contest.ContestStore.Team;
import io.laurel.mail.MailService;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contest's mails to teams: screening result, each round's results, withdrawal, cancellation. All go through
 * the outbox (written with the business change, sent after commit, retried), so a retried process job neither
 * loses nor doubles a mail.
 */
@Service
class ContestNotices {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ContestStore store;
    private final CampaignService campaigns;
    private final MailService mail;
    private final StageWeightsTable weights;
    private final ContestRounds rounds;

    ContestNotices(ContestStore store, CampaignService campaigns, MailService mail, StageWeightsTable weights,
            ContestRounds rounds) {
        this.store = store;
        this.campaigns = campaigns;
        this.mail = mail;
        this.weights = weights;
        this.rounds = rounds;
    }

    static String window(Milestone m) {
        return m.getEndsAt() == null ? m.getStartsAt().format(DAY)
                : m.getStartsAt().format(DAY) + " 至 " + m.getEndsAt().format(DAY);
    }

    /** Confirmation to an accepted team, the reason to a rejected one; nothing to a team that withdrew. */
    @Transactional
    public void screeningResult(long teamId) {
        Team team = store.team(teamId).orElseThrow();
        Campaign campaign = campaigns.get(team.campaignId());
        Map<String, Object> model = teamModel(campaign, team);
        switch (team.status()) {
            case ACTIVE -> {
                model.put("members", store.members(teamId).stream().map(m -> m.name()).toList());
                model.put("preliminary", campaign.milestone("preliminary").map(ContestNotices::window).orElse("另行通知"));
                model.put("teamId", teamId);
                mail.queue(team.contactEmail(), "contest-team-accepted", model);
            }
            case REJECTED -> {
                model.put("reason", team.rejectionReason());
                mail.queue(team.contactEmail(), "contest-team-rejected", model);
            }
            default -> {
                // withdrew before screening: the withdrawal confirmation is the answer
            }
        }
    }

    /** Publishes a round: each team that was drawn gets the round's full table and its own result. */
    @Transactional
    public void roundResults(long roundId, String nextStep) {
        Round round = store.round(roundId);
        Campaign campaign = campaigns.get(round.campaignId());
        MatchScoring.StageWeights w = weights.weights(campaign.getPresetKey(), round.stage());
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Long, String> outcomes = new HashMap<>();
        for (Match match : store.matches(roundId)) {
            String title = rounds.matchTitle(match.id()).substring(round.name().length()).strip();
            for (Entry e : store.entries(match.id())) {
                Team team = store.team(e.teamId()).orElseThrow();
                String outcome = ContestView.outcomeName(e.outcome());
                outcomes.put(team.id(), outcome);
                Map<String, Object> row = new HashMap<>();
                row.put("match", ContestRounds.BYE.equals(match.kind()) ? "轮空" : title);
                row.put("team", team.name());
                row.put("theory", text(e.theory()));
                row.put("lookup", text(e.lookup()));
                row.put("rolePlay", text(e.rolePlay()));
                row.put("total", text(e.total()));
                row.put("place", e.place() == null ? "—" : e.place().toString());
                row.put("outcome", outcome);
                rows.add(row);
            }
        }
        String next = switch (nextStep) {
            case SkillsContest.TO_SEMIFINAL -> "晋级队伍请准备复赛（" + campaign.milestone("semifinal")
                    .map(ContestNotices::window).orElse("另行通知") + "），分组由系统按本轮成绩蛇形抽签，稍后公布。";
            case SkillsContest.TO_FINAL -> "晋级决赛的队伍请准备巅峰决赛（" + campaign.milestone("final")
                    .map(ContestNotices::window).orElse("另行通知") + "，线下现场进行并线上直播）。";
            case SkillsContest.NEXT_ROUND -> "下一轮的分组或对阵已由系统自动抽签，稍后以邮件通知。";
            default -> "比赛已全部结束，获奖名单将另行公布。";
        };
        String weightsText = "理论知识竞答 " + percent(w.theory()) + " + 知识库检索竞速 " + percent(w.lookup())
                + " + 投诉处理情景演练 " + percent(w.rolePlay());
        for (Map.Entry<Long, String> team : outcomes.entrySet()) {
            Team t = store.team(team.getKey()).orElseThrow();
            Map<String, Object> model = teamModel(campaign, t);
            model.put("roundName", round.name());
            model.put("outcome", team.getValue());
            model.put("next", next);
            model.put("weights", weightsText);
            model.put("rows", rows);
            mail.queue(t.contactEmail(), "contest-round-results", model);
        }
        store.setRoundStatus(roundId, "PUBLISHED");
    }

    @Transactional
    public int withdrawals(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<Team> teams = store.withdrawnNotNotified(campaignId);
        for (Team team : teams) {
            mail.queue(team.contactEmail(), "contest-withdrawal", Map.of("campaignName", campaign.getName(),
                    "teamName", team.name(), "organisation", team.organisation(),
                    "reason", String.valueOf(team.withdrawalReason())));
            store.markWithdrawalNotified(team.id());
        }
        return teams.size();
    }

    /** Fewer than two teams passed screening: the contest cannot be played. */
    @Transactional
    public void cancelled(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        for (Team team : store.teams(campaignId, ContestStore.TeamStatus.ACTIVE)) {
            mail.queue(team.contactEmail(), "contest-cancelled", Map.of("campaignName", campaign.getName(),
                    "teamName", team.name(), "organisation", team.organisation()));
        }
        campaign.markClosed();
    }

    Map<String, Object> teamModel(Campaign campaign, Team team) {
        Map<String, Object> model = new HashMap<>();
        model.put("campaignName", campaign.getName());
        model.put("teamName", team.name());
        model.put("organisation", team.organisation());
        return model;
    }

    private static String text(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
