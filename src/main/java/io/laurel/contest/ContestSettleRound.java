package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestSettleRound")
class ContestSettleRound implements JavaDelegate {

    private final ContestRounds rounds;

    ContestSettleRound(ContestRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        rounds.settle(SkillsContest.longVar(execution, SkillsContest.ROUND_ID));
    }
}
