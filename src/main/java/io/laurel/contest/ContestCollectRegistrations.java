package io.laurel.contest;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestCollectRegistrations")
class ContestCollectRegistrations implements JavaDelegate {

    private final TeamScreening screening;

    ContestCollectRegistrations(TeamScreening screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("screeningTeamIds",
                new ArrayList<>(screening.registeredTeams(SkillsContest.campaignId(execution))));
    }
}
