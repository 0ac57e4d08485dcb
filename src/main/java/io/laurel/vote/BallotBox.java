package io.laurel.vote;

import io.laurel.review.NominationContext;
import io.laurel.process.FormOptions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receives a completed ballot task, whichever way it was submitted (Tasklist's form, the REST form
 * submission, or a plain "complete" with variables). The member's choices go into the anonymous
 * {@code ballot} table — a random id, the finalist and approve/reject, with no voter and no time — and
 * the member into
 * {@code ballot_receipt} (who voted, never what). The choice variable is then removed from the task;
 * {@link BallotSecrecyHistoryEventHandler} has kept it out of Camunda's history all along.
 */
@Component("ballotBox")
class BallotBox implements TaskListener {

    /** The ballot form's checklist key; its history events are never written. */
    static final String CHOICE_VARIABLE = "secretBallot";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NominationContext context;
    private final JdbcTemplate jdbc;

    BallotBox(NominationContext context, JdbcTemplate jdbc) {
        this.context = context;
        this.jdbc = jdbc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void notify(DelegateTask task) {
        Long campaignId = context.campaign(task).getId();
        // TaskService.complete (REST .../complete) puts the variables on the process, not on the task:
        // take the choice from there as well, and remove it there, so it is neither lost nor left behind.
        Object elsewhere = task.getExecution().getVariable(CHOICE_VARIABLE);
        if (elsewhere != null) {
            task.getExecution().removeVariable(CHOICE_VARIABLE);
        }
        List<String> onTask = FormOptions.checked(task.getVariableLocal(CHOICE_VARIABLE));
        Set<String> approved = new HashSet<>(onTask.isEmpty() ? FormOptions.checked(elsewhere) : onTask);
        List<String> entitled = new ArrayList<>();
        Object options = task.getVariableLocal("ballotOptions");
        for (Map<String, Object> option : (List<Map<String, Object>>) org.camunda.spin.Spin.JSON(options.toString())
                .mapTo(List.class)) {
            entitled.add(String.valueOf(option.get("value")));
        }
        if (!entitled.containsAll(approved)) {
            throw new ProcessEngineException("选票中包含不在候选名单上的人选");
        }
        Integer receipts = jdbc.queryForObject("select count(*) from ballot_receipt where campaign_id = ? and member_id = ?",
                Integer.class, campaignId, task.getAssignee());
        if (receipts != null && receipts > 0) {
            throw new ProcessEngineException("您已投过票,每位评委只能投票一次");
        }
        // Random numeric ids: H2 and InnoDB store rows in primary-key order, so the rows of one ballot end
        // up scattered among all others instead of lying together in the order members voted (V5).
        for (String nominationId : entitled) {
            jdbc.update("insert into ballot (id, campaign_id, nomination_id, approve) values (?, ?, ?, ?)",
                    RANDOM.nextLong() & Long.MAX_VALUE, campaignId, Long.valueOf(nominationId),
                    approved.contains(nominationId));
        }
        jdbc.update("insert into ballot_receipt (campaign_id, member_id) values (?, ?)", campaignId,
                task.getAssignee());
        task.removeVariableLocal(CHOICE_VARIABLE);
    }
}
