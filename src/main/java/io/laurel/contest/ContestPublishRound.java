package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("contestPublishRound")
class ContestPublishRound implements JavaDelegate {

    private final ContestRounds rounds;
    private final ContestNotices notices;

    ContestPublishRound(ContestRounds rounds, ContestNotices notices) {
        this.rounds = rounds;
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long roundId = SkillsContest.longVar(execution, SkillsContest.ROUND_ID);
        String next = rounds.nextStep(roundId);
        notices.roundResults(roundId, next);
        execution.setVariable("nextStep", next);
    }
}
