package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestScreeningRecorder")
class ContestScreeningRecorder implements TaskListener {

    private final TeamScreening screening;

    ContestScreeningRecorder(TeamScreening screening) {
        this.screening = screening;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = screening.record(SkillsContest.longVar(task, SkillsContest.TEAM_ID),
                (String) task.getVariable("screeningDecision"), (String) task.getVariable("rejectionCategory"),
                (String) task.getVariable("rejectionReason"), ContestTasks.user(task));
        task.getExecution().setVariableLocal("teamAccepted", accepted);
    }
}
