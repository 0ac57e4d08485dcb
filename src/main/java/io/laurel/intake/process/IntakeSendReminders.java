package io.laurel.intake.process;

import io.laurel.intake.IntakeDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("intakeSendReminders")
class IntakeSendReminders implements JavaDelegate {

    private final IntakeDeadlines deadlines;

    IntakeSendReminders(IntakeDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("remindedUnits", deadlines.sendReminders(IntakeVariables.campaignId(execution)));
    }
}
