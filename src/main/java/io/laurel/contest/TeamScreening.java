package io.laurel.contest;

import io.laurel.contest.ContestStore.Team;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisers' screening of a registered team (seed 004: 组委会进行初步筛选，排除政治、宗教等因素): accept, or
 * reject with the reason the team is told.
 */
@Service
class TeamScreening {

    static final String ACCEPT = "accept";
    static final String REJECT = "reject";

    private final ContestStore store;
    private final TeamVideos videos;

    TeamScreening(ContestStore store, TeamVideos videos) {
        this.store = store;
        this.videos = videos;
    }

    @Transactional(readOnly = true)
    public List<Long> registeredTeams(long campaignId) {
        return store.teams(campaignId, ContestStore.TeamStatus.REGISTERED).stream().map(Team::id).toList();
    }

    @Transactional(readOnly = true)
    public String details(long teamId) {
        Team team = store.team(teamId).orElseThrow();
        StringBuilder text = new StringBuilder();
        text.append("队伍：").append(team.name()).append('\n');
        text.append("单位：").append(team.organisation()).append('\n');
        text.append("联系邮箱：").append(team.contactEmail()).append('\n');
        text.append("报名方式：").append("API".equals(team.source()) ? "组委会录入" : "邮件报名").append('\n');
        text.append("队员：\n");
        store.members(teamId).forEach(m -> text.append("  ").append(m.position()).append(". ").append(m.name())
                .append(m.email() == null ? "" : "  " + m.email()).append(m.mobile() == null ? "" : "  " + m.mobile())
                .append('\n'));
        text.append("介绍视频：").append(videos.link(team.campaignId(), teamId).orElse("未通过邮件提交")).append('\n');
        return text.toString();
    }

    /** @return true when the team was accepted (a team that withdrew meanwhile stays withdrawn) */
    @Transactional
    public boolean record(long teamId, String decision, String category, String reason, String user) {
        Team team = store.team(teamId).orElseThrow();
        if (team.status() != ContestStore.TeamStatus.REGISTERED) {
            return team.status() == ContestStore.TeamStatus.ACTIVE;
        }
        if (ACCEPT.equals(decision)) {
            store.screen(teamId, true, null, user);
            return true;
        }
        if (!REJECT.equals(decision)) {
            throw new ProcessEngineException("请选择审核结论：通过或不通过");
        }
        boolean noReason = reason == null || reason.isBlank();
        if (noReason && (category == null || category.isBlank() || "other".equals(category))) {
            throw new ProcessEngineException("不通过时请填写理由（例如介绍视频涉及政治或宗教内容），理由将随通知发送给队伍");
        }
        String categoryText = category == null ? null : switch (category) {
            case "political" -> "介绍视频或报名资料涉及政治内容";
            case "religious" -> "介绍视频或报名资料涉及宗教内容";
            case "ineligible" -> "不符合参赛资格（仅限客户中心行业成员参加）";
            default -> null;
        };
        String full = categoryText == null ? reason.strip()
                : noReason ? categoryText : categoryText + "：" + reason.strip();
        store.screen(teamId, false, full, user);
        return false;
    }

    @Transactional(readOnly = true)
    public boolean enoughTeams(long campaignId) {
        return store.teams(campaignId, ContestStore.TeamStatus.ACTIVE).size() >= 2;
    }
}
