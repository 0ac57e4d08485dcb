package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestAnnouncePrizes")
class ContestAnnouncePrizes implements JavaDelegate {

    private final ContestPrizes prizes;

    ContestAnnouncePrizes(ContestPrizes prizes) {
        this.prizes = prizes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        prizes.announce(SkillsContest.campaignId(execution));
    }
}
