package io.laurel.judging;

import java.util.Map;
import io.laurel.identity.LaurelGroups;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.review.LateReviewers;
import io.laurel.review.NominationContext;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The judges' deadline has passed: association staff learn which judges are late with how many open tasks, and
 * the phase may now end as soon as the quorum of assigned scores is in.
 */
@Component("lateJudgeEscalation")
class LateJudgeEscalation implements JavaDelegate {

    private final NominationContext context;
    private final LateReviewers lateReviewers;
    private final MailService mail;
    private final GroupRecipients recipients;

    LateJudgeEscalation(NominationContext context, LateReviewers lateReviewers, MailService mail,
            GroupRecipients recipients) {
        this.context = context;
        this.lateReviewers = lateReviewers;
        this.mail = mail;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        List<String> items = lateReviewers.lines(execution.getProcessInstanceId(), "任务", "signJudgeDeclaration",
                "scoreEntries");
        int assigned = ((Number) execution.getVariable("scoresAssigned")).intValue();
        int in = ((Number) execution.getVariable("scoresIn")).intValue();
        int quorum = ((Number) execution.getVariable("quorumScores")).intValue();
        Map<String, Object> model = Map.of("campaignName", campaign.getName(), "campaignId", campaign.getId(),
                "scoresIn", in, "scoresAssigned", assigned, "quorum", quorum, "late", items);
        recipients.of(LaurelGroups.ASSOCIATION_STAFF).forEach(to -> mail.sendNow(to, "judging-late-judges", model));
        execution.setVariable("judgingDeadlinePassed", true);
    }
}
