package io.laurel.intake.process;

import io.laurel.intake.IntakeDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("intakePrepareSummary")
class IntakePrepareSummary implements JavaDelegate {

    private final IntakeDeadlines deadlines;

    IntakePrepareSummary(IntakeDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("intakeSummary", deadlines.summary(IntakeVariables.campaignId(execution)));
    }
}
