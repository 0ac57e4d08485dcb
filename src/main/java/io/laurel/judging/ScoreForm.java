package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.review.NominationContext;
import io.laurel.process.AwardSelection;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Fills a judge's scoring form: the entry, its materials and the 规范性 staff confirmed (read-only). */
@Component("scoreForm")
class ScoreForm implements TaskListener {

    private final NominationContext context;
    private final EntryFacts facts;
    private final JudgingRecords records;

    ScoreForm(NominationContext context, EntryFacts facts, JudgingRecords records) {
        this.context = context;
        this.facts = facts;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = context.campaign(task);
        Nomination entry = facts.nomination(AwardSelection.campaignId(task.getVariable("judgeEntryId")));
        task.setVariableLocal("entrySummary", facts.summary(campaign, entry));
        records.conformity(entry.getId()).ifPresent(c -> {
            task.setVariableLocal("conformityPoints", c.points().intValue());
            task.setVariableLocal("conformityNotes", c.nonconformities() == null ? "无不符合项"
                    : c.nonconformities());
        });
        task.setName("评分:" + facts.label(campaign, entry));
    }
}
