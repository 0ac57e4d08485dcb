package io.laurel.intake.process;

import io.laurel.intake.IntakeReplies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("intakeCloseAsIs")
class IntakeCloseAsIs implements JavaDelegate {

    private final IntakeReplies replies;

    IntakeCloseAsIs(IntakeReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replies.closeAsIs(IntakeVariables.packageId(execution));
    }
}
