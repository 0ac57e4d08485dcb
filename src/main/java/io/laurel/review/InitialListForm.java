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
    static final int MAX_TEXT = 3900;

    InitialListForm(NominationContext context, PositionGroups positionGroups, DecisionTables decisions) {
        this.context = context;
        this.positionGroups = positionGroups;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        var campaign = context.campaign(task);
        PositionGroups.Eligible eligible = positionGroups.of(campaign.getId());
        InitialReviewScorer.Weights weights = InitialReviewScorer.weights(decisions, campaign.getPresetKey());
        String text = ranking(eligible, InitialReviewScorer.formula(weights), true);
        if (text.length() > MAX_TEXT) {
            text = ranking(eligible, "", false); // a Camunda text variable holds 4,000 characters: the parts go
        }
        task.setVariableLocal("initialRanking", eligible.byGroup().isEmpty() ? "没有符合资格的候选人" : text);
        task.setVariableLocal("listConfirmed", false);
    }

    private static String ranking(PositionGroups.Eligible eligible, String header, boolean withParts) {
        var groups = eligible.byGroup();
        StringBuilder text = new StringBuilder(header.isEmpty() ? "" : header + "\n");
        groups.keySet().stream().sorted().forEach(group -> {
            List<Nomination> ranked = groups.get(group).stream()
                    .sorted(Comparator.comparing(Nomination::getGroupRank).thenComparing(Nomination::getId)).toList();
            text.append("【").append(group).append("】共 ").append(ranked.size()).append(" 人\n");
            for (Nomination n : ranked) {
                boolean advances = InitialReviewScorer.advances(n.getGroupRank(), ranked.size());
                text.append(n.getGroupRank()).append(". ").append(n.getCandidateName()).append(" (")
                        .append(eligible.candidate(n).getDepartment()).append(") 得分 ").append(n.getInitialScore());
                if (withParts) {
                    text.append(eligible.members(n).isEmpty()
                            ? "（" + InitialReviewScorer.parts(eligible.candidate(n)) + "）" : "（团队均值）");
                }
                text.append(advances ? "  → 进入复评" : "").append('\n');
            }
        });
        return text.toString();
    }
}
