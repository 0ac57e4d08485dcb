package io.laurel.review;

import io.laurel.nomination.MaterialLinks;
import io.laurel.nomination.MaterialRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the member the candidate to interview: who, the initial score, the reason and the materials. */
@Component("reReviewScoreForm")
class ReReviewScoreForm implements TaskListener {

    private final NominationContext context;
    private final MaterialRepository materials;
    private final MaterialLinks links;

    ReReviewScoreForm(NominationContext context, MaterialRepository materials, MaterialLinks links) {
        this.context = context;
        this.materials = materials;
        this.links = links;
    }

    @Override
    public void notify(DelegateTask task) {
        NominationContext.Loaded loaded = context.load(task, "reviewNominationId");
        task.setName("复评打分 - " + loaded.label());
        var n = loaded.nomination();
        task.setVariableLocal("candidateSummary", loaded.label() + ",岗位组 " + loaded.candidate().getPositionGroup()
                + ",初评得分 " + n.getInitialScore() + "(组内第 " + n.getGroupRank() + " 名)\n推荐理由:" + n.getReason());
        var files = materials.findByNominationIdOrderById(n.getId()).stream()
                .map(m -> m.getKind() + ": " + m.getOriginalFileName()).toList();
        task.setVariableLocal(MaterialLinks.VARIABLE, links.of(task.getId(), n.getId()));
        task.setVariableLocal("materialList", files.isEmpty() ? "(无)" : String.join("\n", files));
        // Declared on the task so what the member submits stays with this task, not the whole process.
        for (String field : new String[] {"interviewScore", "caseScore", "casesAuthentic", "remarks"}) {
            task.setVariableLocal(field, null);
        }
    }
}
