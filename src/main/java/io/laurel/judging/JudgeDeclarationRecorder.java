package io.laurel.judging;

import io.laurel.decision.MajorityThresholds;
import io.laurel.campaign.Campaign;
import io.laurel.review.NominationContext;
import io.laurel.process.FormOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records a judge's confidentiality agreement and recusals. The judge then scores the assigned entries they did
 * not recuse themselves from; recused assignments no longer count towards the quorum.
 */
@Component("judgeDeclarationRecorder")
class JudgeDeclarationRecorder implements TaskListener {

    private final NominationContext context;
    private final JudgingRecords records;
    private final MajorityThresholds thresholds;
    private final Clock clock;

    JudgeDeclarationRecorder(NominationContext context, JudgingRecords records, MajorityThresholds thresholds,
            Clock clock) {
        this.context = context;
        this.records = records;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("confidentialityAgreed"))) {
            throw new ProcessEngineException("请先阅读并同意保密协议");
        }
        Campaign campaign = context.campaign(task);
        String judge = task.getAssignee();
        List<JudgingRecords.Assignment> mine = records.assignmentsOf(campaign.getId(), judge);
        Set<Long> recused = new LinkedHashSet<>();
        for (String value : FormOptions.checked(task.getVariable("recusals"))) {
            long id = Long.parseLong(value);
            if (mine.stream().noneMatch(a -> a.nominationId() == id)) {
                throw new ProcessEngineException("回避名单中有未分配给您的作品: " + value);
            }
            recused.add(id);
        }
        records.recordDeclaration(campaign.getId(), judge, mine.isEmpty() ? "" : mine.get(0).panel(),
                clock.instant());
        ArrayList<Long> toScore = new ArrayList<>();
        for (JudgingRecords.Assignment a : mine) {
            if (recused.contains(a.nominationId())) {
                records.changeStatus(campaign.getId(), a.nominationId(), judge, JudgingRecords.RECUSED);
            } else {
                toScore.add(a.nominationId());
            }
        }
        task.getExecution().setVariableLocal("judgeEntryIds", toScore);
        if (!recused.isEmpty()) {
            int assigned = ((Number) task.getVariable("scoresAssigned")).intValue() - recused.size();
            task.getExecution().setVariable("scoresAssigned", assigned);
            task.getExecution().setVariable("quorumScores", thresholds.of(MajorityThresholds.JUDGING_QUORUM).smallestCountOf(assigned));
        }
    }
}
