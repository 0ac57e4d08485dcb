package io.laurel.review;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The re-review deadline has passed: HR learns which members are late with how many reviews, and the
 * phase may now end as soon as two thirds of the assigned scores are in.
 */
@Component("lateMemberEscalation")
class LateMemberEscalation implements JavaDelegate {

    static final LateReviewers.Escalation RE_REVIEW = new LateReviewers.Escalation("评审",
            List.of("signDeclaration", "scoreCandidates"), "hr", "review-late-members", "reReviewDeadlinePassed");

    private final LateReviewers lateReviewers;

    LateMemberEscalation(LateReviewers lateReviewers) {
        this.lateReviewers = lateReviewers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lateReviewers.escalate(execution, RE_REVIEW, Map.of());
    }
}
