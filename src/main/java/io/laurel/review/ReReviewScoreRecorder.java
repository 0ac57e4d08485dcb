package io.laurel.review;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Stores one member's re-review score of one candidate and counts it towards the quorum
 * ({@code scoresIn}), which lets the phase end at its deadline once two thirds are in.
 */
@Component("reReviewScoreRecorder")
class ReReviewScoreRecorder implements TaskListener {

    private final NominationContext context;
    private final CommitteeRecords records;
    private final Clock clock;

    ReReviewScoreRecorder(NominationContext context, CommitteeRecords records, Clock clock) {
        this.context = context;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        NominationContext.Loaded loaded = context.load(task, "reviewNominationId");
        int interview = score(task.getVariable("interviewScore"), "面谈得分");
        int caseAnalysis = score(task.getVariable("caseScore"), "案例分析得分");
        Object authentic = task.getVariable("casesAuthentic");
        if (authentic == null) {
            throw new ProcessEngineException("请确认服务案例是否真实");
        }
        boolean isAuthentic = Boolean.TRUE.equals(authentic) || "yes".equals(authentic) || "true".equals(authentic);
        Object remarks = task.getVariable("remarks");
        records.recordScore(loaded.campaign().getId(), loaded.nomination().getId(), task.getAssignee(), interview,
                caseAnalysis, isAuthentic, remarks == null ? null : remarks.toString(),
                clock.instant());
        Object in = task.getVariable("scoresIn");
        task.getExecution().setVariable("scoresIn", (in instanceof Number n ? n.intValue() : 0) + 1);
    }

    private static int score(Object value, String label) {
        if (!(value instanceof Number number)) {
            throw new ProcessEngineException("请填写" + label + "(0–100)");
        }
        int score = number.intValue();
        if (score < 0 || score > 100 || number.doubleValue() != score) {
            throw new ProcessEngineException(label + "应为 0–100 的整数,收到 " + value);
        }
        return score;
    }
}
