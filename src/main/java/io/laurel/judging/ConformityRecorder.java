package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.review.NominationContext;
import io.laurel.process.AwardSelection;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the confirmed 规范性 of an entry: one nonconformity per non-blank line of the form, 10 points minus
 * one per nonconformity, never below 0.
 */
@Component("conformityRecorder")
class ConformityRecorder implements TaskListener {

    private final NominationContext context;
    private final EntryFacts facts;
    private final JudgingPlan plan;
    private final JudgingRecords records;
    private final IdentityService identity;
    private final Clock clock;

    ConformityRecorder(NominationContext context, EntryFacts facts, JudgingPlan plan, JudgingRecords records,
            IdentityService identity, Clock clock) {
        this.context = context;
        this.facts = facts;
        this.plan = plan;
        this.records = records;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = context.campaign(task);
        Nomination entry = facts.nomination(AwardSelection.campaignId(task.getVariable("entryId")));
        Object text = task.getVariable("nonconformities");
        List<String> items = text == null ? List.of() : text.toString().lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        String confirmedBy = task.getAssignee() != null ? task.getAssignee()
                : identity.getCurrentAuthentication() != null ? identity.getCurrentAuthentication().getUserId() : null;
        if (confirmedBy == null) {
            throw new ProcessEngineException("请先认领该任务再确认规范性");
        }
        records.confirmConformity(entry.getId(), items.isEmpty() ? null : String.join("\n", items), items.size(),
                points(plan, campaign, items.size()), confirmedBy, clock.instant());
    }

    /** 规范性 points: the rubric item's maximum (10) minus the deduction per nonconformity, floor 0. */
    static BigDecimal points(JudgingPlan plan, Campaign campaign, int nonconformities) {
        int max = plan.conformityCriterion(campaign).map(c -> c.maxPoints()).orElse(10);
        return BigDecimal.valueOf(Math.max(0, max - nonconformities * plan.deductionPerIssue(campaign)));
    }
}
