package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.Milestone;
import io.laurel.campaign.PresetCatalog;
import io.laurel.web.ApiException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers teams while the registration window is open (seed 004: 10/27–11/20, shifted with the campaign)
 * and records withdrawals. A team is exactly {@code teamSize} (3) members of one organisation; organisers screen
 * it after the window closes.
 */
@Service
class TeamRegistration {

    static final String REGISTRATION_PHASE = "registration";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final ContestStore store;
    private final RuntimeService runtime;
    private final ContestMatchForms matchForms;
    private final Clock clock;

    TeamRegistration(CampaignService campaigns, PresetCatalog presets, ContestStore store, RuntimeService runtime,
            ContestMatchForms matchForms, Clock clock) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.store = store;
        this.runtime = runtime;
        this.matchForms = matchForms;
        this.clock = clock;
    }

    Campaign contestCampaign(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (!SkillsContest.Rules.isContest(presets.fromJson(campaign.getPresetSnapshot()))) {
            throw ApiException.conflict("活动「" + campaign.getName() + "」不是团队技能大赛，不接受参赛队伍报名");
        }
        return campaign;
    }

    @Transactional
    public ContestStore.Team register(Long campaignId, TeamRequest request, String source) {
        Campaign campaign = contestCampaign(campaignId);
        SkillsContest.Rules rules = SkillsContest.Rules.of(presets.fromJson(campaign.getPresetSnapshot()));
        if (request == null) {
            throw ApiException.badRequest("name", "请求内容为空");
        }
        ApiException.requireText(request.name(), "name", "队伍名称");
        ApiException.requireText(request.organisation(), "organisation", "所在单位");
        ApiException.requireText(request.contactEmail(), "contactEmail", "联系邮箱");
        if (!EMAIL.matcher(request.contactEmail().strip()).matches()) {
            throw ApiException.badRequest("contactEmail", "contactEmail: 邮箱格式不正确");
        }
        List<TeamRequest.MemberRequest> members = request.members() == null ? List.of() : request.members();
        if (members.size() != rules.teamSize()) {
            throw ApiException.badRequest("members", "members: 每支参赛队伍须由 " + rules.teamSize() + " 名成员组成，收到 "
                    + members.size() + " 名");
        }
        String organisation = request.organisation().strip();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            TeamRequest.MemberRequest member = members.get(i);
            String field = "members[" + i + "]";
            if (member == null || member.name() == null || member.name().isBlank()) {
                throw ApiException.badRequest(field + ".name", field + ".name: 必填 (队员姓名)");
            }
            if (!names.add(member.name().strip())) {
                throw ApiException.badRequest(field + ".name", field + ".name: 队员「" + member.name().strip() + "」重复");
            }
            if (member.organisation() != null && !member.organisation().isBlank()
                    && !member.organisation().strip().equals(organisation)) {
                throw ApiException.badRequest(field + ".organisation", field + ".organisation: 队员「"
                        + member.name().strip() + "」的单位「" + member.organisation().strip() + "」与队伍单位「" + organisation
                        + "」不同；参赛队伍须由同一单位的成员组成");
            }
            if (member.email() != null && !member.email().isBlank() && !EMAIL.matcher(member.email().strip()).matches()) {
                throw ApiException.badRequest(field + ".email", field + ".email: 邮箱格式不正确");
            }
        }
        Milestone window = campaign.milestone(REGISTRATION_PHASE).orElseThrow();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), campaign.zoneId());
        if (!window.contains(now)) {
            throw ApiException.conflict("报名时间为 " + window.getStartsAt().format(FORMAT) + " 至 "
                    + window.getEndsAt().format(FORMAT) + "，当前不在报名期内");
        }
        String name = request.name().strip();
        if (store.teamNameTaken(campaignId, name)) {
            throw ApiException.conflict("队伍名称「" + name + "」已被报名，请换一个名称");
        }
        long teamId = store.insertTeam(campaignId, name, organisation, request.contactEmail().strip(), source);
        for (int i = 0; i < members.size(); i++) {
            TeamRequest.MemberRequest m = members.get(i);
            store.insertMember(teamId, i + 1, m.name().strip(), blankToNull(m.email()), blankToNull(m.mobile()));
        }
        return store.team(teamId).orElseThrow();
    }

    /**
     * Withdraws a team at any time of the contest: it is out of every later draw at once, a match it has not
     * played yet goes on without it. The process mails the confirmation (event sub-process 队伍退赛).
     */
    @Transactional
    public ContestStore.Team withdraw(Long campaignId, Long teamId, String reason) {
        contestCampaign(campaignId);
        ContestStore.Team team = store.team(teamId).filter(t -> t.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("参赛队伍不存在: " + teamId));
        if (team.status() != ContestStore.TeamStatus.ACTIVE && team.status() != ContestStore.TeamStatus.REGISTERED) {
            throw ApiException.conflict("队伍「" + team.name() + "」当前状态为 " + ContestView.statusName(team.status())
                    + "，不能退赛");
        }
        store.withdraw(teamId, reason == null || reason.isBlank() ? "队伍申请退赛" : reason.strip());
        matchForms.withdrawn(campaignId, store.team(teamId).orElseThrow());
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(SkillsContest.PROCESS_KEY)
                .processInstanceBusinessKey(campaignId.toString()).active().count() > 0;
        if (running) {
            runtime.createMessageCorrelation(SkillsContest.WITHDRAWAL_MESSAGE)
                    .processInstanceBusinessKey(campaignId.toString()).correlateWithResult();
        }
        return store.team(teamId).orElseThrow();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
