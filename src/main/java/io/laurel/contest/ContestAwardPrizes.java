package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestAwardPrizes")
class ContestAwardPrizes implements JavaDelegate {

    private final ContestPrizes prizes;

    ContestAwardPrizes(ContestPrizes prizes) {
        this.prizes = prizes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        prizes.award(SkillsContest.campaignId(execution));
    }
}
