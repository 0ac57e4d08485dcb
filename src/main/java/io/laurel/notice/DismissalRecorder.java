package io.laurel.notice;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A dismissed objection: the objector hears the outcome. */
@Component("dismissalRecorder")
class DismissalRecorder implements JavaDelegate {

    private final ObjectionOutcome outcome;

    DismissalRecorder(ObjectionOutcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcome.recordDismissal(execution);
    }
}
