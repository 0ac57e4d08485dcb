package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.contest.ContestStore.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contest as the API publishes it: teams, every round with its matches and scores, the prizes. */
@Component
class ContestView {

    private final ContestStore store;
    private final CampaignService campaigns;
    private final ContestRounds rounds;

    ContestView(ContestStore store, CampaignService campaigns, ContestRounds rounds) {
        this.store = store;
        this.campaigns = campaigns;
        this.rounds = rounds;
    }

    static String statusName(ContestStore.TeamStatus status) {
        return switch (status) {
            case REGISTERED -> "待审核";
            case ACTIVE -> "参赛中";
            case REJECTED -> "未通过筛选";
            case ELIMINATED -> "已淘汰";
            case WITHDRAWN -> "已退赛";
        };
    }

    static String outcomeName(String outcome) {
        if (outcome == null) {
            return "待定";
        }
        return switch (outcome) {
            case ContestRounds.PLAYED -> "已完赛";
            case ContestRounds.ADVANCED -> "晋级";
            case ContestRounds.ELIMINATED -> "淘汰";
            case ContestRounds.BYE -> "轮空晋级";
            case ContestRounds.WON -> "胜";
            case ContestRounds.LOST -> "负";
            case ContestRounds.WITHDRAWN -> "退赛";
            default -> outcome;
        };
    }

    /** A team with its contact data: the answer to the staff who registered or withdrew it. */
    Map<String, Object> team(Team team) {
        return team(team, true);
    }

    /** Without contacts (mailboxes, phones) the team is what every working group may read, judges included. */
    Map<String, Object> team(Team team, boolean withContacts) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", team.id());
        view.put("name", team.name());
        view.put("organisation", team.organisation());
        if (withContacts) {
            view.put("contactEmail", team.contactEmail());
        }
        view.put("source", team.source());
        view.put("status", team.status().name());
        view.put("statusName", statusName(team.status()));
        view.put("standing", team.standing());
        view.put("rejectionReason", team.rejectionReason());
        view.put("withdrawalReason", team.withdrawalReason());
        view.put("members", store.members(team.id()).stream().map(m -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", m.id());
            member.put("name", m.name());
            if (withContacts) {
                member.put("email", m.email());
                member.put("mobile", m.mobile());
            }
            return member;
        }).toList());
        return view;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> contest(long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("campaignId", campaignId);
        view.put("name", campaign.getName());
        view.put("status", campaign.getStatus().name());
        view.put("teams", store.teams(campaignId).stream().map(t -> team(t, false)).toList());
        List<Map<String, Object>> roundViews = new ArrayList<>();
        for (ContestStore.Round round : store.rounds(campaignId)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("number", round.number());
            r.put("stage", round.stage());
            r.put("name", round.name());
            r.put("status", round.status());
            r.put("matches", store.matches(round.id()).stream().map(match -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", match.id());
                m.put("position", match.position());
                m.put("kind", match.kind());
                m.put("title", rounds.matchTitle(match.id()));
                m.put("status", match.status());
                m.put("entries", store.entries(match.id()).stream().map(e -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("teamId", e.teamId());
                    entry.put("team", store.team(e.teamId()).map(Team::name).orElse(null));
                    entry.put("seed", e.seed());
                    entry.put("theory", e.theory());
                    entry.put("lookup", e.lookup());
                    entry.put("rolePlay", e.rolePlay());
                    entry.put("total", e.total());
                    entry.put("place", e.place());
                    entry.put("outcome", e.outcome());
                    entry.put("outcomeName", outcomeName(e.outcome()));
                    return entry;
                }).toList());
                return m;
            }).toList());
            roundViews.add(r);
        }
        view.put("rounds", roundViews);
        view.put("awards", store.awards(campaignId).stream().map(a -> {
            Map<String, Object> award = new LinkedHashMap<>();
            award.put("kind", a.kind());
            award.put("awardCode", a.awardCode());
            award.put("awardName", campaign.award(a.awardCode()).map(x -> x.getName()).orElse("决赛荣誉证书"));
            award.put("teamId", a.teamId());
            award.put("team", store.team(a.teamId()).map(Team::name).orElse(null));
            award.put("memberId", a.memberId());
            award.put("member", a.memberId() == null ? null : store.member(a.memberId()).map(m -> m.name()).orElse(null));
            return award;
        }).toList());
        return view;
    }
}
