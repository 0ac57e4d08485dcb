package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestCancel")
class ContestCancel implements JavaDelegate {

    private final ContestNotices notices;

    ContestCancel(ContestNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.cancelled(SkillsContest.campaignId(execution));
    }
}
