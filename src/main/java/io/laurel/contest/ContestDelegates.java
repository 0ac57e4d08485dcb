package io.laurel.contest;

import io.laurel.process.FormOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring beans {@code skills-contest.bpmn} calls by {@code camunda:delegateExpression}. They read ids from the
 * process and leave small values behind (ids of the round and its matches, the next step, a screening verdict);
 * the contest itself lives in its tables. Form fields are declared on the task at creation, so what one judge
 * submits stays with that task and parallel tasks never write the same process variable.
 */
@Configuration(proxyBeanMethods = false)
class ContestDelegates {

    static String user(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }

    private static void declare(DelegateTask task, String... fields) {
        for (String field : fields) {
            task.setVariableLocal(field, null);
        }
    }

    // ------------------------------------------------------------------ registration and screening

    @Bean
    JavaDelegate contestCollectRegistrations(TeamScreening screening) {
        return execution -> execution.setVariable("screeningTeamIds",
                new ArrayList<>(screening.registeredTeams(SkillsContest.campaignId(execution))));
    }

    @Bean
    TaskListener contestScreeningForm(TeamScreening screening, ContestStore store) {
        return task -> {
            long teamId = SkillsContest.longVar(task, SkillsContest.TEAM_ID);
            task.setName("审核参赛队伍 - " + store.team(teamId).orElseThrow().name());
            task.setVariableLocal("teamDetails", screening.details(teamId));
            declare(task, "screeningDecision", "rejectionCategory", "rejectionReason");
        };
    }

    @Bean
    TaskListener contestScreeningRecorder(TeamScreening screening) {
        return task -> {
            boolean accepted = screening.record(SkillsContest.longVar(task, SkillsContest.TEAM_ID),
                    (String) task.getVariable("screeningDecision"), (String) task.getVariable("rejectionCategory"),
                    (String) task.getVariable("rejectionReason"), user(task));
            task.getExecution().setVariableLocal("teamAccepted", accepted);
        };
    }

    @Bean
    JavaDelegate contestSendScreeningResult(ContestNotices notices) {
        return execution -> notices.screeningResult(SkillsContest.longVar(execution, SkillsContest.TEAM_ID));
    }

    @Bean
    JavaDelegate contestCheckTeams(TeamScreening screening) {
        return execution -> execution.setVariable("enoughTeams",
                screening.enoughTeams(SkillsContest.campaignId(execution)));
    }

    @Bean
    JavaDelegate contestCancel(ContestNotices notices) {
        return execution -> notices.cancelled(SkillsContest.campaignId(execution));
    }

    @Bean
    JavaDelegate contestNotifyWithdrawals(ContestNotices notices) {
        return execution -> execution.setVariableLocal("withdrawalsNotified",
                notices.withdrawals(SkillsContest.campaignId(execution)));
    }

    // ------------------------------------------------------------------ rounds

    @Bean
    JavaDelegate contestDrawRound(ContestRounds rounds) {
        return execution -> {
            ContestRounds.Drawn drawn = rounds.drawNext(SkillsContest.campaignId(execution),
                    Boolean.TRUE.equals(execution.getVariable(SkillsContest.THIRD_PLACE_MATCH)));
            execution.setVariable(SkillsContest.ROUND_ID, drawn.roundId());
            execution.setVariable("roundStage", drawn.stage());
            execution.setVariable("roundName", drawn.name());
            execution.setVariable("matchIds", new ArrayList<>(drawn.playableMatchIds()));
        };
    }

    @Bean
    TaskListener contestMatchForm(ContestRounds rounds) {
        return task -> {
            long matchId = SkillsContest.longVar(task, SkillsContest.MATCH_ID);
            String title = rounds.matchTitle(matchId);
            task.setName("比赛评分 - " + title);
            task.setVariableLocal("matchTitle", title);
            var slots = rounds.slots(matchId);
            // Explicit flags for the form's conditional "hide" (an absent variable is not reliably null in FEEL).
            for (int i = 1; i <= ContestRounds.MAX_SLOTS; i++) {
                task.setVariableLocal("s" + i + "Hidden", !slots.containsKey(i));
            }
            for (var slot : slots.entrySet()) {
                int i = slot.getKey();
                var team = slot.getValue();
                task.setVariableLocal("s" + i + "Name", team.name() + "（" + team.organisation() + "）");
                declare(task, "s" + i + "Theory", "s" + i + "Lookup", "s" + i + "RolePlay");
            }
        };
    }

    @Bean
    TaskListener contestMatchRecorder(ContestRounds rounds) {
        return task -> {
            long matchId = SkillsContest.longVar(task, SkillsContest.MATCH_ID);
            Map<Integer, MatchScoring.StageScores> scores = new HashMap<>();
            for (int i = 1; i <= ContestRounds.MAX_SLOTS; i++) {
                if (task.hasVariableLocal("s" + i + "Name")) {
                    scores.put(i, new MatchScoring.StageScores(points(task.getVariable("s" + i + "Theory")),
                            points(task.getVariable("s" + i + "Lookup")),
                            points(task.getVariable("s" + i + "RolePlay"))));
                }
            }
            rounds.recordScores(matchId, scores, user(task));
        };
    }

    static BigDecimal points(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new ProcessEngineException("得分应为 0 至 100 之间的数字: " + value);
        }
    }

    @Bean
    JavaDelegate contestSettleRound(ContestRounds rounds) {
        return execution -> rounds.settle(SkillsContest.longVar(execution, SkillsContest.ROUND_ID));
    }

    @Bean
    TaskListener contestAdvanceForm(ContestRounds rounds) {
        return task -> {
            task.setVariableLocal("preliminaryRanking", rounds.ranking(SkillsContest.campaignId(task)));
            declare(task, "advanceCount");
        };
    }

    @Bean
    TaskListener contestAdvanceRecorder(ContestRounds rounds) {
        return task -> {
            Object value = task.getVariable("advanceCount");
            BigDecimal count = points(value);
            rounds.applyAdvanceCount(SkillsContest.longVar(task, SkillsContest.ROUND_ID),
                    count == null ? null : count.intValue());
        };
    }

    @Bean
    JavaDelegate contestPublishRound(ContestRounds rounds, ContestNotices notices) {
        return execution -> {
            long roundId = SkillsContest.longVar(execution, SkillsContest.ROUND_ID);
            String next = rounds.nextStep(roundId);
            notices.roundResults(roundId, next);
            execution.setVariable("nextStep", next);
        };
    }

    // ------------------------------------------------------------------ prizes

    @Bean
    JavaDelegate contestAwardPrizes(ContestPrizes prizes) {
        return execution -> prizes.award(SkillsContest.campaignId(execution));
    }

    @Bean
    TaskListener contestBestIndividualForm(ContestPrizes prizes) {
        return task -> {
            task.setVariableLocal("finalistMembers",
                    FormOptions.of(prizes.bestIndividualOptions(SkillsContest.campaignId(task))));
            declare(task, "bestIndividual");
        };
    }

    @Bean
    TaskListener contestBestIndividualRecorder(ContestPrizes prizes) {
        return task -> prizes.recordBestIndividual(SkillsContest.campaignId(task), task.getVariable("bestIndividual"));
    }

    @Bean
    JavaDelegate contestAnnouncePrizes(ContestPrizes prizes) {
        return execution -> prizes.announce(SkillsContest.campaignId(execution));
    }
}
