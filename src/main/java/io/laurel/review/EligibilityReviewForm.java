package io.laurel.review;

import io.laurel.nomination.MaterialLinks;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Pre-fills HR's 资格审核 task: the rules' verdict and reason, the candidate and the materials checklist. */
@Component("eligibilityReviewForm")
class EligibilityReviewForm implements TaskListener {

    private final NominationContext context;
    private final MaterialLinks links;

    EligibilityReviewForm(NominationContext context, MaterialLinks links) {
        this.context = context;
        this.links = links;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateTask task) {
        NominationContext.Loaded loaded = context.load(task, "nominationId");
        Map<String, Object> verdict = (Map<String, Object>) task.getVariable("eligibility");
        boolean eligible = Boolean.TRUE.equals(verdict.get("eligible"));
        String reason = verdict.get("reason") == null ? "" : verdict.get("reason").toString();
        var candidate = loaded.candidate();
        task.setName("资格审核 - " + loaded.label());
        Object teamFindings = task.getVariable("teamFindings");
        if (teamFindings != null) {
            // A team: the contact's figures say nothing of the team; its members' conditions do.
            task.setVariableLocal("candidateSummary", loaded.label() + "  团队联系人工号 "
                    + candidate.getEmployeeNumber() + ",提名人 " + loaded.nomination().getNominator()
                    + "(" + loaded.nomination().getChannel() + ");成员审核:" + teamFindings);
        } else {
            task.setVariableLocal("candidateSummary", loaded.label() + "  工号 " + candidate.getEmployeeNumber()
                    + ",岗位组 " + candidate.getPositionGroup() + ",入职 " + candidate.getHireDate()
                    + ",满意度 " + candidate.getSatisfactionScore() + ",提名人 " + loaded.nomination().getNominator()
                    + "(" + loaded.nomination().getChannel() + ")");
        }
        task.setVariableLocal(MaterialLinks.VARIABLE, links.of(task.getId(), loaded.nomination().getId()));
        task.setVariableLocal("ruleVerdict", (eligible ? "符合参选资格" : "不符合参选资格:" + reason)
                + (teamFindings == null ? "" : "(" + teamFindings + ")"));
        task.setVariableLocal("ruleEligible", eligible);
        task.setVariableLocal("hrEligible", eligible);
        task.setVariableLocal("overrideReason", "");
        String missing = (String) task.getVariable("missingMaterials");
        task.setVariableLocal("materialsChecklist", missing == null || missing.isBlank() ? "材料齐全" : missing);
        task.setVariableLocal("materialsConfirmedComplete", Boolean.TRUE.equals(task.getVariable("materialsComplete")));
    }
}
