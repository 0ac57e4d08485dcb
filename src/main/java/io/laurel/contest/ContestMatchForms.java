package io.laurel.contest;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Keeps open match-scoring forms in step with withdrawals: a team that withdrew (before the form opened or while it
 * is open) shows as withdrawn and its score fields are hidden, so they are not required — the judge scores only the
 * teams still playing (the recorder skips withdrawn teams).
 */
@Component
class ContestMatchForms {

    private final TaskService tasks;
    private final ContestRounds rounds;

    ContestMatchForms(TaskService tasks, ContestRounds rounds) {
        this.tasks = tasks;
        this.rounds = rounds;
    }

    static void markWithdrawn(VariableScope task, int slot, ContestStore.Team team) {
        task.setVariablesLocal(withdrawn(slot, team));
    }

    private static Map<String, Object> withdrawn(int slot, ContestStore.Team team) {
        return Map.of("s" + slot + "Withdrawn", true,
                "s" + slot + "Name", team.name() + "（" + team.organisation() + "）— 已退赛，无需评分");
    }

    /** Marks the team withdrawn on every open scoring form of the contest's matches it plays in. */
    void withdrawn(long campaignId, ContestStore.Team team) {
        tasks.createTaskQuery().processDefinitionKey(SkillsContest.PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(campaignId)).taskDefinitionKey("scoreMatch").list()
                .forEach(task -> {
                    Object matchId = tasks.getVariable(task.getId(), SkillsContest.MATCH_ID);
                    if (!(matchId instanceof Number id)) {
                        return;
                    }
                    for (Map.Entry<Integer, ContestStore.Team> slot : rounds.slots(id.longValue()).entrySet()) {
                        if (slot.getValue().id() == team.id()) {
                            tasks.setVariablesLocal(task.getId(), withdrawn(slot.getKey(), team));
                        }
                    }
                });
    }
}
