package io.laurel.review;

import io.laurel.decision.DecisionTables;
import io.laurel.nomination.Nomination;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows HR the initial-review ranking to confirm, group by group; the scores are read-only. */
@Component("initialListForm")
class InitialListForm implements TaskListener {

    private final NominationContext context;
    private final PositionGroups positionGroups;
    private final DecisionTables decisions;

    InitialListForm(NominationContext context, PositionGroups positionGroups, DecisionTables decisions) {
        this.context = context;
        this.positionGroups = positionGroups;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        var campaign = context.campaign(task);
        PositionGroups.Eligible eligible = positionGroups.of(campaign.getId());
        var groups = eligible.byGroup();
        InitialReviewScorer.Weights weights = InitialReviewScorer.weights(decisions, campaign.getPresetKey());
        StringBuilder text = new StringBuilder();
        groups.keySet().stream().sorted().forEach(group -> {
            List<Nomination> ranked = groups.get(group).stream()
                    .sorted(Comparator.comparing(Nomination::getGroupRank).thenComparing(Nomination::getId)).toList();
            text.append("【").append(group).append("】共 ").append(ranked.size()).append(" 人\n");
            for (Nomination n : ranked) {
                boolean advances = InitialReviewScorer.advances(n.getGroupRank(), ranked.size());
                text.append(n.getGroupRank()).append(". ").append(n.getCandidateName()).append(" (")
                        .append(eligible.candidate(n).getDepartment()).append(") 得分 ")
                        .append(n.getInitialScore()).append(advances ? "  → 进入复评" : "").append('\n');
                var members = eligible.members(n);
                text.append("    ").append(members.isEmpty() ? InitialReviewScorer.parts(eligible.candidate(n), weights)
                        : "团队 " + members.size() + " 名成员得分的平均值").append('\n');
            }
        });
        task.setVariableLocal("initialRanking", text.length() == 0 ? "没有符合资格的候选人" : text.toString());
        task.setVariableLocal("listConfirmed", false);
    }
}
