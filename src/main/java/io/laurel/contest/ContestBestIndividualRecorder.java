package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestBestIndividualRecorder")
class ContestBestIndividualRecorder implements TaskListener {

    private final ContestPrizes prizes;

    ContestBestIndividualRecorder(ContestPrizes prizes) {
        this.prizes = prizes;
    }

    @Override
    public void notify(DelegateTask task) {
        prizes.recordBestIndividual(SkillsContest.campaignId(task), task.getVariable("bestIndividual"));
    }
}
