package io.laurel.intake.process;

import io.laurel.intake.IntakeReplies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("intakeSendLateNotice")
class IntakeSendLateNotice implements JavaDelegate {

    private final IntakeReplies replies;

    IntakeSendLateNotice(IntakeReplies replies) {
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        replies.sendLateNotice(IntakeVariables.packageId(execution));
    }
}
