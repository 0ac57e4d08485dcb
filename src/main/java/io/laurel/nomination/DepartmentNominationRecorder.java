package io.laurel.nomination;

import io.laurel.campaign.AwardSubject;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.process.AwardSelection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Turns a completed 提名 task into nominations, in the task's transaction: 1 to 3 of the head's own staff,
 * each with an award, a reason and optionally the 服务事迹陈述 (at most 800 字, seed 002); and optionally one team
 * of the department for the team award (优秀服务团队): its name, at least two members from the department's roster,
 * the reason and the team's story. A refusal is a {@link FormFieldValidationException} with a Chinese message:
 * Tasklist shows it on the form and the REST API answers 400; the task stays open and nothing is stored.
 */
@Component("departmentNominationRecorder")
class DepartmentNominationRecorder implements TaskListener {

    static final int MAX_NOMINEES = 3;
    static final String STORY = "service-story";
    static final int MIN_TEAM_MEMBERS = 2;

    private final CampaignRepository campaigns;
    private final EmployeeRepository employees;
    private final NominationService nominations;
    private final IdentityService identity;
    private final PresetCatalog presets;
    private final TeamMembers teams;

    DepartmentNominationRecorder(CampaignRepository campaigns, EmployeeRepository employees,
            NominationService nominations, IdentityService identity, PresetCatalog presets, TeamMembers teams) {
        this.campaigns = campaigns;
        this.employees = employees;
        this.nominations = nominations;
        this.identity = identity;
        this.presets = presets;
        this.teams = teams;
    }

    record Nominee(String employeeNumber, String awardCode, String reason, String story) {
    }

    record Team(String name, List<String> memberNumbers, String reason, String story) {
    }

    @Override
    public void notify(DelegateTask task) {
        Long campaignId = AwardSelection.campaignId(task.getVariable(AwardSelection.CAMPAIGN_ID));
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        String department = (String) task.getVariableLocal("department");
        List<Nominee> nominees = read(task);
        if (nominees.isEmpty()) {
            throw new FormFieldValidationException("nominees", "请至少提名 1 名员工(每个部门 1–3 名)");
        }
        if (nominees.size() > MAX_NOMINEES) {
            throw new FormFieldValidationException("nominees", "每个部门最多提名 " + MAX_NOMINEES + " 名员工");
        }
        Set<String> seen = new HashSet<>();
        List<Employee> candidates = new ArrayList<>();
        for (Nominee nominee : nominees) {
            if (!seen.add(nominee.employeeNumber())) {
                throw new FormFieldValidationException("nominees", "同一名员工不能重复提名: " + nominee.employeeNumber());
            }
            Employee employee = employees.findByCampaignIdAndEmployeeNumber(campaignId, nominee.employeeNumber())
                    .filter(e -> e.getDepartment().equals(department))
                    .orElseThrow(() -> new FormFieldValidationException("nominees", "工号 " + nominee.employeeNumber()
                            + " 不是本部门("
                            + department + ")的员工"));
            if (campaign.award(nominee.awardCode()).isEmpty()) {
                throw new FormFieldValidationException("nominees", "请为 " + employee.getName() + " 选择参评奖项");
            }
            if (campaign.award(nominee.awardCode()).get().getSubject() != AwardSubject.INDIVIDUAL) {
                throw new FormFieldValidationException("nominees", "「"
                        + campaign.award(nominee.awardCode()).get().getName() + "」是团队奖项,不能提名个人;团队请在下方"
                        + "「优秀服务团队」一栏提名");
            }
            if (nominee.reason() == null || nominee.reason().isBlank()) {
                throw new FormFieldValidationException("nominees", "请填写推荐 " + employee.getName() + " 的理由");
            }
            candidates.add(employee);
        }
        Preset.MaterialRule storyRule = presets.fromJson(campaign.getPresetSnapshot()).materials().stream()
                .filter(r -> r.code().equals(STORY)).findFirst().orElse(null);
        for (int i = 0; i < nominees.size(); i++) {
            checkStory(storyRule, "story" + (i + 1), nominees.get(i).story(), candidates.get(i).getName());
        }
        Team team = readTeam(task);
        List<Employee> members = team == null ? List.of() : members(campaign, department, team);
        if (team != null) {
            checkStory(storyRule, "teamStory", team.story(), team.name());
        }
        User head = identity.createUserQuery().userId(task.getAssignee()).singleResult();
        String nominator = head == null ? task.getAssignee() : head.getFirstName() + "(" + department + "主管)";
        String contact = head == null ? null : head.getEmail();
        for (int i = 0; i < nominees.size(); i++) {
            Nomination n = nominations.register(campaign, candidates.get(i), nominees.get(i).awardCode(),
                    NominationChannel.DEPARTMENT, nominator, contact, nominees.get(i).reason().trim());
            if (storyRule != null && nominees.get(i).story() != null) {
                nominations.attachText(n.getId(), STORY, nominees.get(i).story());
            }
        }
        if (team != null) {
            String award = teamAward(campaign);
            List<Long> taken = teams.alreadyInATeam(campaign.getId(), award, members.stream().map(Employee::getId)
                    .toList());
            if (!taken.isEmpty()) {
                throw new FormFieldValidationException("teamMembers", String.join("、", members.stream()
                        .filter(m -> taken.contains(m.getId())).map(Employee::getName).toList())
                        + " 已在另一支参评团队中:一名员工只能参加一个团队");
            }
            Nomination n = nominations.registerTeam(campaign, members, TeamMembers.displayName(team.name(), members),
                    award, nominator, contact, team.reason().trim());
            teams.register(campaign.getId(), n.getId(), members);
            if (storyRule != null && team.story() != null) {
                nominations.attachText(n.getId(), STORY, team.story());
            }
        }
    }

    private static void checkStory(Preset.MaterialRule rule, String field, String story, String whose) {
        if (rule == null || story == null) {
            return;
        }
        String problem = NominationService.lengthProblem(rule, story);
        if (problem != null) {
            throw new FormFieldValidationException(field, whose + " 的" + problem);
        }
    }

    private static String teamAward(Campaign campaign) {
        return campaign.getAwards().stream().filter(a -> a.getSubject() == AwardSubject.TEAM).findFirst()
                .map(a -> a.getCode()).orElseThrow(() -> new FormFieldValidationException("teamName",
                        "本活动没有团队奖项，不能提名团队"));
    }

    /** The team's members: at least two, each once, all on the department's roster. */
    private List<Employee> members(Campaign campaign, String department, Team team) {
        if (team.name() == null || team.name().isBlank()) {
            throw new FormFieldValidationException("teamName", "请填写团队名称");
        }
        if (team.memberNumbers().size() < MIN_TEAM_MEMBERS) {
            throw new FormFieldValidationException("teamMembers", "团队「" + team.name().strip() + "」至少需要 "
                    + MIN_TEAM_MEMBERS + " 名成员，请从本部门花名册中选择");
        }
        if (team.reason() == null || team.reason().isBlank()) {
            throw new FormFieldValidationException("teamReason", "请填写推荐团队「" + team.name().strip() + "」的理由");
        }
        List<Employee> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String number : team.memberNumbers()) {
            if (!seen.add(number)) {
                throw new FormFieldValidationException("teamMembers", "团队成员重复: " + number);
            }
            members.add(employees.findByCampaignIdAndEmployeeNumber(campaign.getId(), number)
                    .filter(e -> e.getDepartment().equals(department))
                    .orElseThrow(() -> new FormFieldValidationException("teamMembers", "工号 " + number
                            + " 不是本部门(" + department + ")花名册中的员工")));
        }
        return members;
    }

    private static Team readTeam(DelegateTask task) {
        Object name = task.getVariable("teamName");
        List<String> members = io.laurel.process.FormOptions.checked(task.getVariable("teamMembers"));
        boolean anything = (name != null && !name.toString().isBlank()) || !members.isEmpty();
        if (!anything) {
            return null;
        }
        Object reason = task.getVariable("teamReason");
        return new Team(name == null ? null : name.toString(), members.stream().map(String::strip).toList(),
                reason == null ? null : reason.toString(), text(task.getVariable("teamStory")));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static List<Nominee> read(DelegateTask task) {
        List<Nominee> nominees = new ArrayList<>();
        for (int i = 1; i <= MAX_NOMINEES + 1; i++) {
            Object number = task.getVariable("nominee" + i);
            if (number == null || number.toString().isBlank()) {
                continue;
            }
            Object award = task.getVariable("award" + i);
            Object reason = task.getVariable("reason" + i);
            nominees.add(new Nominee(number.toString().trim(), award == null ? "" : award.toString(),
                    reason == null ? null : reason.toString(), text(task.getVariable("story" + i))));
        }
        return nominees;
    }
}
