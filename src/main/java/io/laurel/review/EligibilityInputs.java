package io.laurel.review;

import io.laurel.campaign.CampaignTimeline;
import io.laurel.nomination.TeamMembers;
import io.laurel.roster.Employee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares one nomination's eligibility check: the DMN inputs from the roster and the materials
 * checklist, as variables local to this nomination's review, read by the business rule task next.
 *
 * <p>A team (优秀服务团队) is read as its members (docs/rules.md): the team meets a condition of DMN
 * {@code eligibility} when every member does — formal staff (all), tenure (the shortest), no major complaint and
 * no violation (the sum over members) — and the department's top-30 % satisfaction, a ranking of individuals, is
 * not applied to a team (its input is given as 0, "at the top"). The members who fail a condition are named for
 * HR in {@code teamFindings}.
 */
@Component("eligibilityInputs")
class EligibilityInputs implements JavaDelegate {

    private final NominationContext context;
    private final CandidateFacts facts;
    private final MaterialsChecklist checklist;
    private final CampaignTimeline timeline;
    private final TeamMembers teams;

    EligibilityInputs(NominationContext context, CandidateFacts facts, MaterialsChecklist checklist,
            CampaignTimeline timeline, TeamMembers teams) {
        this.context = context;
        this.facts = facts;
        this.checklist = checklist;
        this.timeline = timeline;
        this.teams = teams;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        LocalDate deadline = timeline.deadlineLocal(loaded.campaign().getId(), "nomination").toLocalDate();
        List<Employee> members = teams.of(loaded.nomination().getId());
        Map<String, Object> inputs = members.isEmpty()
                ? facts.eligibilityInputs(loaded.candidate(), loaded.nomination().getAwardCode(), deadline)
                : teamInputs(members, deadline);
        inputs.forEach(execution::setVariableLocal);
        execution.setVariableLocal("teamFindings", members.isEmpty() ? null : teamFindings(members, deadline));
        var missing = checklist.missing(loaded.campaign(), loaded.nomination().getId());
        execution.setVariableLocal("materialsComplete", missing.isEmpty());
        execution.setVariableLocal("missingMaterials", String.join("\n", missing));
        // Declared here so the decision result and HR's verdict stay local to this nomination's review.
        execution.setVariableLocal("eligibility", null);
        execution.setVariableLocal("hrEligible", null);
    }

    static Map<String, Object> teamInputs(List<Employee> members, LocalDate deadline) {
        boolean formal = members.stream()
                .allMatch(m -> m.getEmploymentType() == io.laurel.roster.EmploymentType.FORMAL);
        int tenure = members.stream().mapToInt(m -> CandidateFacts.tenureMonths(m.getHireDate(), deadline)).min()
                .orElse(0);
        int complaints = members.stream().mapToInt(Employee::getMajorComplaints12m).sum();
        int violations = members.stream().mapToInt(Employee::getViolations).sum();
        return new EligibilityScreening.Inputs(formal, tenure, 0.0, complaints, violations, 0).asMap();
    }

    /** Each member who fails a condition, with the reason, in Chinese; "全部成员符合参选条件" otherwise. */
    static String teamFindings(List<Employee> members, LocalDate deadline) {
        List<String> findings = new ArrayList<>();
        for (Employee m : members) {
            List<String> why = new ArrayList<>();
            if (m.getEmploymentType() != io.laurel.roster.EmploymentType.FORMAL) {
                why.add("非正式员工");
            }
            if (CandidateFacts.tenureMonths(m.getHireDate(), deadline) < 6) {
                why.add("入职未满6个月");
            }
            if (m.getMajorComplaints12m() > 0) {
                why.add("近12个月有重大服务投诉");
            }
            if (m.getViolations() > 0) {
                why.add("有违规违纪行为");
            }
            if (!why.isEmpty()) {
                findings.add(m.getName() + "(" + m.getEmployeeNumber() + "):" + String.join("、", why));
            }
        }
        return findings.isEmpty() ? "全部 " + members.size() + " 名成员符合参选条件" : String.join("\n", findings);
    }
}
