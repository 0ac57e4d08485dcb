package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.review.NominationContext;
import io.laurel.process.AwardSelection;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Fills the 规范性审核 form of one entry: what it is, the rule, and the nonconformities intake found. */
@Component("conformityForm")
class ConformityForm implements TaskListener {

    private final NominationContext context;
    private final EntryFacts facts;
    private final JudgingPlan plan;
    private final JudgingRecords records;

    ConformityForm(NominationContext context, EntryFacts facts, JudgingPlan plan, JudgingRecords records) {
        this.context = context;
        this.facts = facts;
        this.plan = plan;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = context.campaign(task);
        Nomination entry = facts.nomination(AwardSelection.campaignId(task.getVariable("entryId")));
        task.setVariableLocal("entrySummary", facts.summary(campaign, entry));
        task.setVariableLocal("conformityRule", plan.conformityCriterion(campaign)
                .map(c -> c.bands().get(0).description())
                .orElse("作品应符合参赛要求(材料齐全、格式、篇幅/时长等);每发现一处不符合扣 1 分,直至 0 分。"));
        String prefilled = records.conformity(entry.getId()).map(JudgingRecords.Conformity::nonconformities)
                .orElse(null);
        task.setVariableLocal("intakeFindings", prefilled == null ? "收件审核未发现问题" : prefilled);
        task.setVariableLocal("nonconformities", prefilled == null ? "" : prefilled);
        task.setName("规范性审核:" + facts.label(campaign, entry));
    }
}
