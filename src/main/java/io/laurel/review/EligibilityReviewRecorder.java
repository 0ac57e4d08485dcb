package io.laurel.review;

import io.laurel.nomination.NominationStatus;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records HR's eligibility decision. HR may overrule the rules only with a written reason; the reason
 * stays on the nomination and, as a task variable, in Camunda's history.
 */
@Component("eligibilityReviewRecorder")
class EligibilityReviewRecorder implements TaskListener {

    private final NominationContext context;

    EligibilityReviewRecorder(NominationContext context) {
        this.context = context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateTask task) {
        NominationContext.Loaded loaded = context.load(task, "nominationId");
        Map<String, Object> verdict = (Map<String, Object>) task.getVariable("eligibility");
        boolean ruleEligible = Boolean.TRUE.equals(verdict.get("eligible"));
        Object decided = task.getVariable("hrEligible");
        if (!(decided instanceof Boolean hrEligible)) {
            throw new ProcessEngineException("请选择资格审核结论");
        }
        Object reasonValue = task.getVariable("overrideReason");
        String overrideReason = reasonValue == null ? "" : reasonValue.toString().trim();
        if (hrEligible != ruleEligible && overrideReason.isEmpty()) {
            throw new ProcessEngineException("审核结论与规则判定(" + (ruleEligible ? "符合" : "不符合")
                    + ")不一致,必须填写推翻理由");
        }
        boolean materialsComplete = Boolean.TRUE.equals(task.getVariable("materialsConfirmedComplete"));
        var nomination = loaded.nomination();
        nomination.recordRuleVerdict(ruleEligible, verdict.get("reason") == null ? "" : verdict.get("reason").toString());
        if (hrEligible != ruleEligible) {
            nomination.recordOverride(overrideReason);
        }
        nomination.recordMissingMaterials(materialsComplete ? null : (String) task.getVariable("missingMaterials"));
        nomination.changeStatus(!hrEligible ? NominationStatus.INELIGIBLE
                : materialsComplete ? NominationStatus.ELIGIBLE : NominationStatus.AWAITING_SUPPLEMENT);
        // The gateway after the task reads these from this nomination's review scope.
        task.getExecution().setVariableLocal("hrEligible", hrEligible);
        task.getExecution().setVariableLocal("materialsComplete", materialsComplete);
    }
}
