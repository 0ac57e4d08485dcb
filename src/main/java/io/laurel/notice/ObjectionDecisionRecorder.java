package io.laurel.notice;

import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the committee's decision on an objection; a decision always comes with its reasons. */
@Component("objectionDecisionRecorder")
class ObjectionDecisionRecorder implements TaskListener {

    private final ObjectionRepository objections;
    private final Clock clock;

    ObjectionDecisionRecorder(ObjectionRepository objections, Clock clock) {
        this.objections = objections;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object upheld = task.getVariable("objectionUpheld");
        if (!(upheld instanceof Boolean decision)) {
            throw new ProcessEngineException("请选择异议是否成立");
        }
        Object reason = task.getVariable("decisionReason");
        if (reason == null || reason.toString().isBlank()) {
            throw new ProcessEngineException("请填写调查结论与理由");
        }
        Objection objection = objections.findById(((Number) task.getVariable("objectionId")).longValue())
                .orElseThrow();
        objection.decide(decision, reason.toString().trim(), task.getAssignee(), clock.instant());
        task.getExecution().setVariableLocal("objectionUpheld", decision);
    }
}
