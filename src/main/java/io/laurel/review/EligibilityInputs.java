package io.laurel.review;

import io.laurel.campaign.CampaignTimeline;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares one nomination's eligibility check: the DMN inputs from the roster and the materials
 * checklist, as variables local to this nomination's review, read by the business rule task next.
 */
@Component("eligibilityInputs")
class EligibilityInputs implements JavaDelegate {

    private final NominationContext context;
    private final CandidateFacts facts;
    private final MaterialsChecklist checklist;
    private final CampaignTimeline timeline;

    EligibilityInputs(NominationContext context, CandidateFacts facts, MaterialsChecklist checklist,
            CampaignTimeline timeline) {
        this.context = context;
        this.facts = facts;
        this.checklist = checklist;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        LocalDate deadline = timeline.deadlineLocal(loaded.campaign().getId(), "nomination").toLocalDate();
        Map<String, Object> inputs = facts.eligibilityInputs(loaded.candidate(), loaded.nomination().getAwardCode(),
                deadline);
        inputs.forEach(execution::setVariableLocal);
        var missing = checklist.missing(loaded.campaign(), loaded.nomination().getId());
        execution.setVariableLocal("materialsComplete", missing.isEmpty());
        execution.setVariableLocal("missingMaterials", String.join("\n", missing));
        // Declared here so the decision result and HR's verdict stay local to this nomination's review.
        execution.setVariableLocal("eligibility", null);
        execution.setVariableLocal("hrEligible", null);
    }
}
