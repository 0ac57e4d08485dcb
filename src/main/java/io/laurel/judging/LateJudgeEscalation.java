package io.laurel.judging;

import io.laurel.identity.LaurelGroups;
import io.laurel.review.LateReviewers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The judges' deadline has passed: association staff learn which judges are late with how many open tasks, and
 * the phase may now end as soon as the quorum of assigned scores is in.
 */
@Component("lateJudgeEscalation")
class LateJudgeEscalation implements JavaDelegate {

    static final LateReviewers.Escalation JUDGING = new LateReviewers.Escalation("任务",
            List.of("signJudgeDeclaration", "scoreEntries"), LaurelGroups.ASSOCIATION_STAFF, "judging-late-judges",
            "judgingDeadlinePassed");

    private final LateReviewers lateReviewers;

    LateJudgeEscalation(LateReviewers lateReviewers) {
        this.lateReviewers = lateReviewers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lateReviewers.escalate(execution, JUDGING,
                Map.of("quorum", ((Number) execution.getVariable("quorumScores")).intValue()));
    }
}
