package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestSendScreeningResult")
class ContestSendScreeningResult implements JavaDelegate {

    private final ContestNotices notices;

    ContestSendScreeningResult(ContestNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notices.screeningResult(SkillsContest.longVar(execution, SkillsContest.TEAM_ID));
    }
}
