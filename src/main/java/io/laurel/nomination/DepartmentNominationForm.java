package io.laurel.nomination;

import io.laurel.campaign.AwardSubject;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.roster.DepartmentHead;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.EmployeeRepository;
import io.laurel.process.AwardSelection;
import io.laurel.process.FormOptions;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Fills the 提名 task of a department head: the department's staff and the campaign's awards as
 * task-local options for the form's selects, so each head sees only their own department.
 */
@Component("departmentNominationForm")
class DepartmentNominationForm implements TaskListener {

    private final CampaignRepository campaigns;
    private final DepartmentHeadRepository heads;
    private final EmployeeRepository employees;

    DepartmentNominationForm(CampaignRepository campaigns, DepartmentHeadRepository heads,
            EmployeeRepository employees) {
        this.campaigns = campaigns;
        this.heads = heads;
        this.employees = employees;
    }

    @Override
    public void notify(DelegateTask task) {
        Long campaignId = AwardSelection.campaignId(task.getVariable(AwardSelection.CAMPAIGN_ID));
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        String department = heads.findByUserId(task.getAssignee()).map(DepartmentHead::getDepartment)
                .orElseThrow(() -> new IllegalStateException(task.getAssignee() + " heads no department"));
        List<Map<String, Object>> staff = employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(campaignId,
                department).stream()
                .map(e -> FormOptions.option(e.getEmployeeNumber() + " " + e.getName() + "(" + e.getPositionGroup()
                        + ")", e.getEmployeeNumber()))
                .toList();
        // Individual awards only: team awards (优秀服务团队) are not nominated person by person.
        List<Map<String, Object>> awards = campaign.getAwards().stream()
                .filter(a -> a.getSubject() == AwardSubject.INDIVIDUAL)
                .map(a -> FormOptions.option(a.getName(), a.getCode())).toList();
        task.setVariableLocal("department", department);
        task.setVariableLocal("staffOptions", FormOptions.of(staff));
        task.setVariableLocal("awardOptions", FormOptions.of(awards));
        task.setName("部门推荐提名 - " + department);
        // Declared on the task so each head's answers stay with their own task.
        for (int i = 1; i <= DepartmentNominationRecorder.MAX_NOMINEES; i++) {
            for (String field : List.of("nominee", "award", "reason")) {
                task.setVariableLocal(field + i, null);
            }
        }
    }
}
