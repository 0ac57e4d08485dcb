package io.laurel.contest;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestDrawRound")
class ContestDrawRound implements JavaDelegate {

    private final ContestRounds rounds;

    ContestDrawRound(ContestRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ContestRounds.Drawn drawn = rounds.drawNext(SkillsContest.campaignId(execution),
                Boolean.TRUE.equals(execution.getVariable(SkillsContest.THIRD_PLACE_MATCH)));
        execution.setVariable(SkillsContest.ROUND_ID, drawn.roundId());
        execution.setVariable("roundStage", drawn.stage());
        execution.setVariable("roundName", drawn.name());
        execution.setVariable("matchIds", new ArrayList<>(drawn.playableMatchIds()));
    }
}
