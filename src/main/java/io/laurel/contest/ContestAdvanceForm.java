package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestAdvanceForm")
class ContestAdvanceForm implements TaskListener {

    private final ContestRounds rounds;

    ContestAdvanceForm(ContestRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal("preliminaryRanking", rounds.ranking(SkillsContest.campaignId(task)));
        ContestTasks.declare(task, "advanceCount");
    }
}
