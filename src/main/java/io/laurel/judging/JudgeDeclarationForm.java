package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.review.NominationContext;
import io.laurel.process.FormOptions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The judge's declaration lists the entries assigned to them, so they can name their conflicts. */
@Component("judgeDeclarationForm")
class JudgeDeclarationForm implements TaskListener {

    private final NominationContext context;
    private final EntryFacts facts;
    private final JudgingRecords records;

    JudgeDeclarationForm(NominationContext context, EntryFacts facts, JudgingRecords records) {
        this.context = context;
        this.facts = facts;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = context.campaign(task);
        var options = records.assignmentsOf(campaign.getId(), task.getAssignee()).stream()
                .map(a -> FormOptions.option(facts.label(campaign, facts.nomination(a.nominationId())),
                        Long.toString(a.nominationId())))
                .toList();
        task.setVariableLocal("candidateOptions", FormOptions.of(options));
        task.setVariableLocal("confidentialityAgreed", false);
        task.setVariableLocal("recusals", FormOptions.noneChecked());
    }
}
