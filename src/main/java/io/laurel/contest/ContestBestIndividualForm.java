package io.laurel.contest;

import io.laurel.process.FormOptions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestBestIndividualForm")
class ContestBestIndividualForm implements TaskListener {

    private final ContestPrizes prizes;

    ContestBestIndividualForm(ContestPrizes prizes) {
        this.prizes = prizes;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal("finalistMembers",
                FormOptions.of(prizes.bestIndividualOptions(SkillsContest.campaignId(task))));
        ContestTasks.declare(task, "bestIndividual");
    }
}
