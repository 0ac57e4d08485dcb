package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestCheckTeams")
class ContestCheckTeams implements JavaDelegate {

    private final TeamScreening screening;

    ContestCheckTeams(TeamScreening screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("enoughTeams", screening.enoughTeams(SkillsContest.campaignId(execution)));
    }
}
