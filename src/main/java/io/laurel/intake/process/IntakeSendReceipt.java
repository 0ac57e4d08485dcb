package io.laurel.intake.process;

import io.laurel.intake.IntakeReplies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("intakeSendReceipt")
class IntakeSendReceipt implements JavaDelegate {

    private final IntakeReplies replies;

    IntakeSendReceipt(IntakeReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replies.sendReceipt(IntakeVariables.packageId(execution));
    }
}
