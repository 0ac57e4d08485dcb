package io.laurel.vote;

import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.NominationContext;
import io.laurel.process.FormOptions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.math.ec.ECPoint;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receives a completed ballot task, whichever way it was submitted (Tasklist's form, the REST form
 * submission, or a plain "complete" with variables). The choices are checked in memory (only finalists the member
 * may vote on; each approve or not) and then leave this class only encrypted: one row per finalist in
 * {@code sealed_ballot} — a random id, the finalist, the ElGamal ciphertext of 1 (approve) or 0 and a proof that it
 * is one of the two — and the member into {@code ballot_receipt} (who voted, never what). A finalist the member
 * recused from gets an encrypted 0, so every ballot has the same shape. This transaction names the voter (task,
 * receipt, history) and so do the database's chunks and binlog; what it stores of the choice cannot be opened
 * without the key that {@link BallotKeys} keeps out of the database. The choice variable is removed from the task;
 * {@link BallotSecrecyHistoryEventHandler} has kept it out of Camunda's history all along.
 */
@Component("ballotBox")
class BallotBox implements TaskListener {

    /** The ballot form's checklist key; its history events are never written. */
    static final String CHOICE_VARIABLE = "secretBallot";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NominationContext context;
    private final JdbcTemplate jdbc;
    private final BallotKeys keys;
    private final NominationRepository nominations;

    BallotBox(NominationContext context, JdbcTemplate jdbc, BallotKeys keys, NominationRepository nominations) {
        this.context = context;
        this.jdbc = jdbc;
        this.keys = keys;
        this.nominations = nominations;
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
        ECPoint publicKey = keys.publicKey(campaignId)
                .orElseThrow(() -> new ProcessEngineException("本次投票的密钥不存在,无法保存选票"));
        List<Long> finalists = nominations.findByCampaignIdAndStatusInOrderById(campaignId,
                List.of(NominationStatus.FINALIST)).stream().map(n -> n.getId()).toList();
        // Random numeric ids: H2 and InnoDB store rows in primary-key order, so the rows of one ballot are
        // scattered among all others instead of lying together in the order members voted (V5).
        for (Long nominationId : finalists) {
            int choice = approved.contains(nominationId.toString()) ? 1 : 0;
            ExponentialElGamal.Encryption sealed = ExponentialElGamal.encrypt(publicKey, choice);
            byte[] proof = BallotProofs.proveZeroOrOne(publicKey, sealed, choice, proofContext(campaignId, nominationId));
            jdbc.update("insert into sealed_ballot (id, campaign_id, nomination_id, ciphertext, validity_proof) "
                    + "values (?, ?, ?, ?, ?)", RANDOM.nextLong() & Long.MAX_VALUE, campaignId, nominationId,
                    sealed.ciphertext().encoded(), proof);
        }
        jdbc.update("insert into ballot_receipt (campaign_id, member_id) values (?, ?)", campaignId,
                task.getAssignee());
        task.removeVariableLocal(CHOICE_VARIABLE);
    }

    /** What the validity proof of a ballot row is bound to: the vote and the finalist. */
    static String proofContext(Long campaignId, Long nominationId) {
        return "laurel-ballot|campaign=" + campaignId + "|nomination=" + nominationId;
    }
}
