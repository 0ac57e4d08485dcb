package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.review.NominationContext;
import io.laurel.process.AwardSelection;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Fills the entry check of one entry: what it is, the nonconformities intake found and — where the rubric has 规范性
 * (seed 001) — the rule and the pre-filled deductions; and the 入门审核 (seed 003: 对提交材料的企业进行入门审核, only
 * 入围企业 go to the experts) with the preset's conditions of entry, admitted until staff say otherwise.
 */
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
        boolean conformityScored = plan.conformityCriterion(campaign).isPresent();
        task.setVariableLocal("conformityScored", conformityScored);
        Object conditions = plan.preset(campaign).seedNotes().get("eligibleApplicants");
        task.setVariableLocal("admissionRule", conditions != null ? "参评对象：" + conditions
                : "参评作品应属于本次评选的范围(参评对象、主题与形式)。");
        JudgingRecords.Admission admission = records.admission(entry.getId());
        task.setVariableLocal("admission", admission.admitted() ? ConformityRecorder.ADMITTED
                : ConformityRecorder.NOT_ADMITTED);
        task.setVariableLocal("admissionReason", admission.reason() == null ? "" : admission.reason());
        task.setName((conformityScored ? "规范性审核:" : "入门审核:") + facts.label(campaign, entry));
    }
}
