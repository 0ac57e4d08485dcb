package io.laurel.vote;

import io.laurel.review.NominationContext;
import io.laurel.selection.FormOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receives a completed ballot task. The member's choices go into the anonymous {@code ballot} table —
 * a random id, the finalist and approve/reject, with no voter, time or order — and the member into
 * {@code ballot_receipt} (who voted, never what). The choice variable is then removed from the task;
 * {@link BallotSecrecyHistoryEventHandler} has kept it out of Camunda's history all along.
 */
@Component("ballotBox")
class BallotBox implements TaskListener {

    /** The ballot form's checklist key; its history events are never written. */
    static final String CHOICE_VARIABLE = "secretBallot";

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
        Set<String> approved = new HashSet<>(FormOptions.checked(task.getVariableLocal(CHOICE_VARIABLE)));
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
        // Stored in random order with random ids, so neither row order nor ids hint at the voter.
        Collections.shuffle(entitled);
        for (String nominationId : entitled) {
            jdbc.update("insert into ballot (id, campaign_id, nomination_id, approve) values (?, ?, ?, ?)",
                    UUID.randomUUID().toString(), campaignId, Long.valueOf(nominationId), approved.contains(nominationId));
        }
        jdbc.update("insert into ballot_receipt (campaign_id, member_id) values (?, ?)", campaignId,
                task.getAssignee());
        task.removeVariableLocal(CHOICE_VARIABLE);
    }
}
