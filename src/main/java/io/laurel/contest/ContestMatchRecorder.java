package io.laurel.contest;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestMatchRecorder")
class ContestMatchRecorder implements TaskListener {

    private final ContestRounds rounds;

    ContestMatchRecorder(ContestRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateTask task) {
        long matchId = SkillsContest.longVar(task, SkillsContest.MATCH_ID);
        Map<Integer, MatchScoring.StageScores> scores = new HashMap<>();
        for (int i = 1; i <= ContestRounds.MAX_SLOTS; i++) {
            if (task.hasVariableLocal("s" + i + "Name")) {
                scores.put(i, new MatchScoring.StageScores(ContestTasks.points(task.getVariable("s" + i + "Theory")),
                        ContestTasks.points(task.getVariable("s" + i + "Lookup")),
                        ContestTasks.points(task.getVariable("s" + i + "RolePlay"))));
            }
        }
        rounds.recordScores(matchId, scores, ContestTasks.user(task));
    }
}
