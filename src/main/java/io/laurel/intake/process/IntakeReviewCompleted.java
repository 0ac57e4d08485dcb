package io.laurel.intake.process;

import io.laurel.intake.IntakeReplies;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing the review task: a request for supplement carries the staff comment to the unit. */
@Component("intakeReviewCompleted")
class IntakeReviewCompleted implements TaskListener {

    private final IntakeReplies replies;

    IntakeReviewCompleted(IntakeReplies replies) {
        this.replies = replies;
    }

    @Override
    public void notify(DelegateTask task) {
        if ("supplement".equals(task.getVariable("staffDecision"))) {
            replies.addStaffComment(IntakeVariables.packageId(task.getExecution()),
                    (String) task.getVariable("staffComment"));
        }
    }
}
