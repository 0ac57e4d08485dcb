package io.laurel.contest;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestAdvanceRecorder")
class ContestAdvanceRecorder implements TaskListener {

    private final ContestRounds rounds;

    ContestAdvanceRecorder(ContestRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateTask task) {
        BigDecimal count = ContestTasks.points(task.getVariable("advanceCount"));
        rounds.applyAdvanceCount(SkillsContest.longVar(task, SkillsContest.ROUND_ID),
                count == null ? null : count.intValue());
    }
}
