package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.review.NominationContext;
import io.laurel.process.AwardSelection;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Checks and stores a judge's scores of one entry: each criterion a whole number within the rubric's bands
 * (the form checks the same; this holds for any client of the REST API), plus the entry's confirmed 规范性 as the
 * judge's conformity row, so a judge's score is the sum of their rows.
 */
@Component("scoreRecorder")
class ScoreRecorder implements TaskListener {

    private final NominationContext context;
    private final JudgingPlan plan;
    private final JudgingRecords records;
    private final Clock clock;

    ScoreRecorder(NominationContext context, JudgingPlan plan, JudgingRecords records, Clock clock) {
        this.context = context;
        this.plan = plan;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = context.campaign(task);
        long entry = AwardSelection.campaignId(task.getVariable("judgeEntryId"));
        String judge = task.getAssignee();
        Map<String, BigDecimal> points = validated(plan.judgedCriteria(campaign), task);
        String panel = records.assignmentsOf(campaign.getId(), judge).stream().filter(a -> a.nominationId() == entry)
                .map(JudgingRecords.Assignment::panel).findFirst()
                .orElseThrow(() -> new ProcessEngineException("该作品未分配给评委 " + judge));
        Instant now = clock.instant();
        points.forEach((criterion, value) -> records.recordScore(campaign.getId(), entry, judge, panel, criterion,
                value, now));
        if (plan.conformityCriterion(campaign).isPresent()) {
            BigDecimal conformity = records.conformity(entry).map(JudgingRecords.Conformity::points)
                    .orElseThrow(() -> new ProcessEngineException("该作品的规范性尚未确认"));
            records.recordScore(campaign.getId(), entry, judge, panel, JudgingPlan.CONFORMITY, conformity, now);
        }
        records.changeStatus(campaign.getId(), entry, judge, JudgingRecords.SCORED);
        Object in = task.getVariable("scoresIn");
        task.getExecution().setVariable("scoresIn", (in instanceof Number n ? n.intValue() : 0) + 1);
    }

    /**
     * Every criterion present, whole and within its bands; otherwise a Chinese message naming the criterion. The
     * refusal is a {@link FormFieldValidationException}: the engine REST API answers it with 400 and the message
     * (complete and submit-form alike), where any other engine exception would be a 500.
     */
    static Map<String, BigDecimal> validated(List<Preset.Criterion> criteria, DelegateTask task) {
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        for (Preset.Criterion criterion : criteria) {
            int[] range = JudgingPlan.range(criterion);
            Object value = task.getVariable(criterion.code());
            if (!(value instanceof Number number)) {
                throw new FormFieldValidationException(criterion.code(),
                        "请填写" + criterion.name() + "(" + range[0] + "–" + range[1] + " 分)");
            }
            double v = number.doubleValue();
            if (v != Math.rint(v) || v < range[0] || v > range[1]) {
                throw new FormFieldValidationException(criterion.code(), criterion.name() + "应为 " + range[0] + "–"
                        + range[1] + " 的整数分,收到 " + value);
            }
            points.put(criterion.code(), BigDecimal.valueOf((long) v));
        }
        return points;
    }
}
