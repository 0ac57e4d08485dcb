package io.laurel.intake.process;

import io.laurel.intake.IntakeReplies;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Needs the local variable {@code supplementDeadline} (an input parameter of the task). */
@Component("intakeSendProblems")
class IntakeSendProblems implements JavaDelegate {

    private final IntakeReplies replies;

    IntakeSendProblems(IntakeReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replies.sendProblems(IntakeVariables.packageId(execution), (Date) execution.getVariable("supplementDeadline"));
    }
}
