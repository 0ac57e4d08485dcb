package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestNotifyWithdrawals")
class ContestNotifyWithdrawals implements JavaDelegate {

    private final ContestNotices notices;

    ContestNotifyWithdrawals(ContestNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal("withdrawalsNotified", notices.withdrawals(SkillsContest.campaignId(execution)));
    }
}
