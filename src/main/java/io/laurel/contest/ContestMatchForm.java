package io.laurel.contest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component("contestMatchForm")
class ContestMatchForm implements TaskListener {

    private final ContestRounds rounds;

    ContestMatchForm(ContestRounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void notify(DelegateTask task) {
        long matchId = SkillsContest.longVar(task, SkillsContest.MATCH_ID);
        String title = rounds.matchTitle(matchId);
        task.setName("比赛评分 - " + title);
        task.setVariableLocal("matchTitle", title);
        var slots = rounds.slots(matchId);
        // Explicit flags for the form's conditional "hide" (an absent variable is not reliably null in FEEL).
        for (int i = 1; i <= ContestRounds.MAX_SLOTS; i++) {
            task.setVariableLocal("s" + i + "Hidden", !slots.containsKey(i));
            task.setVariableLocal("s" + i + "Withdrawn", false);
        }
        for (var slot : slots.entrySet()) {
            int i = slot.getKey();
            var team = slot.getValue();
            task.setVariableLocal("s" + i + "Name", team.name() + "（" + team.organisation() + "）");
            ContestTasks.declare(task, "s" + i + "Theory", "s" + i + "Lookup", "s" + i + "RolePlay");
            if (team.status() == ContestStore.TeamStatus.WITHDRAWN) {
                ContestMatchForms.markWithdrawn(task, i, team);
            }
        }
    }
}
