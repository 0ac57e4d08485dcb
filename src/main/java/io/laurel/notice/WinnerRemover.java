package io.laurel.notice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An upheld objection: the winner loses the award and is told; the objector hears the outcome. */
@Component("winnerRemover")
class WinnerRemover implements JavaDelegate {

    private final ObjectionOutcome outcome;

    WinnerRemover(ObjectionOutcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcome.removeWinner(execution);
    }
}
