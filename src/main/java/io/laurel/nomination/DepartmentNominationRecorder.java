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
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Turns a completed 提名 task into nominations, in the task's transaction: 1 to 3 of the head's own staff,
 * each with an award and a reason. A refusal (Chinese message) keeps the task open in Tasklist.
 */
@Component("departmentNominationRecorder")
class DepartmentNominationRecorder implements TaskListener {

    static final int MAX_NOMINEES = 3;

    private final CampaignRepository campaigns;
    private final EmployeeRepository employees;
    private final NominationService nominations;
    private final IdentityService identity;

    DepartmentNominationRecorder(CampaignRepository campaigns, EmployeeRepository employees,
            NominationService nominations, IdentityService identity) {
        this.campaigns = campaigns;
        this.employees = employees;
        this.nominations = nominations;
        this.identity = identity;
    }

    record Nominee(String employeeNumber, String awardCode, String reason) {
    }

    @Override
    public void notify(DelegateTask task) {
        Long campaignId = AwardSelection.campaignId(task.getVariable(AwardSelection.CAMPAIGN_ID));
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        String department = (String) task.getVariableLocal("department");
        List<Nominee> nominees = read(task);
        if (nominees.isEmpty()) {
            throw new ProcessEngineException("请至少提名 1 名员工(每个部门 1–3 名)");
        }
        if (nominees.size() > MAX_NOMINEES) {
            throw new ProcessEngineException("每个部门最多提名 " + MAX_NOMINEES + " 名员工");
        }
        Set<String> seen = new HashSet<>();
        List<Employee> candidates = new ArrayList<>();
        for (Nominee nominee : nominees) {
            if (!seen.add(nominee.employeeNumber())) {
                throw new ProcessEngineException("同一名员工不能重复提名: " + nominee.employeeNumber());
            }
            Employee employee = employees.findByCampaignIdAndEmployeeNumber(campaignId, nominee.employeeNumber())
                    .filter(e -> e.getDepartment().equals(department))
                    .orElseThrow(() -> new ProcessEngineException("工号 " + nominee.employeeNumber() + " 不是本部门("
                            + department + ")的员工"));
            if (campaign.award(nominee.awardCode()).isEmpty()) {
                throw new ProcessEngineException("请为 " + employee.getName() + " 选择参评奖项");
            }
            if (campaign.award(nominee.awardCode()).get().getSubject() != AwardSubject.INDIVIDUAL) {
                throw new ProcessEngineException("「" + campaign.award(nominee.awardCode()).get().getName()
                        + "」是团队奖项,不能提名个人");
            }
            if (nominee.reason() == null || nominee.reason().isBlank()) {
                throw new ProcessEngineException("请填写推荐 " + employee.getName() + " 的理由");
            }
            candidates.add(employee);
        }
        User head = identity.createUserQuery().userId(task.getAssignee()).singleResult();
        String nominator = head == null ? task.getAssignee() : head.getFirstName() + "(" + department + "主管)";
        String contact = head == null ? null : head.getEmail();
        for (int i = 0; i < nominees.size(); i++) {
            nominations.register(campaign, candidates.get(i), nominees.get(i).awardCode(),
                    NominationChannel.DEPARTMENT, nominator, contact, nominees.get(i).reason().trim());
        }
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
                    reason == null ? null : reason.toString()));
        }
        return nominees;
    }
}
